namespace OcopPortal.Web.Domain.Rules;

/// <summary>One of the 26 criteria sets ("bộ tiêu chí", Phụ lục II) of a rule set: the sheet a council member fills in.</summary>
public class CriteriaSet
{
    public int Id { get; set; }

    public int RuleSetId { get; set; }

    public RuleSet? RuleSet { get; set; }

    /// <summary>1–26 as printed in the appendix.</summary>
    public int Number { get; set; }

    /// <summary>Classification code of its leaf, e.g. <c>I.3.c</c>.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Lead ministries as codes (MAE, MOIT, MOH, MOCST), comma separated.</summary>
    public string LeadMinistries { get; set; } = "";

    /// <summary>Tourism (set 26) needs no physical samples.</summary>
    public bool SamplesRequired { get; set; } = true;

    /// <summary>Grounds that eliminate the whole dossier, one per line.</summary>
    public string DossierKnockouts { get; set; } = "";

    public List<CriterionNode> Nodes { get; set; } = [];
}

public enum CriterionNodeKind
{
    Part = 0,
    Group = 1,
    Criterion = 2,
}

/// <summary>
/// A node of the sheet's tree: part (A/B/C) → group ("1. Tổ chức sản xuất") → criterion ("1.1") → sub-criterion ("6.1.1").
/// Only leaf criteria carry options; a parent's maximum is the sum of its children.
/// </summary>
public class CriterionNode
{
    public int Id { get; set; }

    public int CriteriaSetId { get; set; }

    /// <summary>Denormalised so immutability of published data can be checked without walking the tree.</summary>
    public int RuleSetId { get; set; }

    public int? ParentId { get; set; }

    public CriterionNode? Parent { get; set; }

    public CriterionNodeKind Kind { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int Max { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Eliminates the dossier when it applies (e.g. raw material all imported or of unknown origin).</summary>
    public string? Knockout { get; set; }

    /// <summary>Stops the evaluation when it applies (e.g. unsafe foreign matter).</summary>
    public string? Stop { get; set; }

    /// <summary>When the criterion is scored at all (e.g. 5.2 only if a product story exists); otherwise it scores 0.</summary>
    public string? Condition { get; set; }

    public string? Note { get; set; }

    public List<CriterionNode> Children { get; set; } = [];

    public List<CriterionOption> Options { get; set; } = [];
}

/// <summary>One tick box of a criterion, with its points and, where the sheet marks it, the star level it is the minimum for.</summary>
public class CriterionOption
{
    public int Id { get; set; }

    public int CriterionNodeId { get; set; }

    public int RuleSetId { get; set; }

    public string Label { get; set; } = "";

    public int Points { get; set; }

    /// <summary>3, 4 or 5 where the sheet marks this option *** / **** / *****: the minimum for that level.</summary>
    public int? MinStar { get; set; }

    public int SortOrder { get; set; }
}
