using OcopPortal.Web.Domain.Dossiers;

namespace OcopPortal.Tests.Domain;

/// <summary>The evidence checklist and the dossier state machine, as tables.</summary>
public sealed class DossierRulesTests
{
    private static List<string> Required(DossierKind kind, int stars, int set) =>
        EvidenceChecklist.For(kind, stars, RuleFiles.Sheet(set)).Where(s => s.Required).Select(s => s.Key).ToList();

    [Theory]
    [InlineData(6, 3, "mau-01 mau-02 business-registration food-safety quality-declaration test-report trademark label")]
    [InlineData(6, 4, "mau-01 mau-02 business-registration food-safety quality-declaration test-report trademark label financial-statements")]
    [InlineData(6, 5, "mau-01 mau-02 business-registration food-safety quality-declaration test-report trademark label contracts financial-statements")]
    [InlineData(19, 3, "mau-01 mau-02 business-registration production-licence quality-declaration test-report trademark label")]
    [InlineData(21, 3, "mau-01 mau-02 business-registration quality-declaration test-report trademark label")]
    [InlineData(23, 3, "mau-01 mau-02 business-registration quality-declaration trademark label")]
    [InlineData(26, 3, "mau-01 mau-02 business-registration trademark")]
    public void First_evaluation_papers_follow_the_product_and_the_target(int set, int stars, string expected) =>
        Assert.Equal(expected.Split(' '), Required(DossierKind.FirstEvaluation, stars, set));

    [Fact]
    public void Upgrades_must_evidence_the_changes_and_re_evaluations_the_updates_and_periodic_tests()
    {
        Assert.Contains("changes", Required(DossierKind.Upgrade, 4, 7));
        Assert.DoesNotContain("updates", Required(DossierKind.Upgrade, 4, 7));
        var re = EvidenceChecklist.For(DossierKind.ReEvaluation, 3, RuleFiles.Sheet(7));
        Assert.Contains(re, s => s.Key == "updates" && s.Required);
        Assert.Equal("Phiếu kết quả kiểm nghiệm định kỳ", re.Single(s => s.Key == "test-report").Title);
    }

    [Fact]
    public void Per_criterion_evidence_is_offered_for_each_minimum_the_target_depends_on()
    {
        var sheet = RuleFiles.Sheet(7);
        var three = EvidenceChecklist.For(DossierKind.FirstEvaluation, 3, sheet).Where(s => s.Key.StartsWith(EvidenceChecklist.CriterionPrefix, StringComparison.Ordinal)).ToList();
        var four = EvidenceChecklist.For(DossierKind.FirstEvaluation, 4, sheet).Where(s => s.Key.StartsWith(EvidenceChecklist.CriterionPrefix, StringComparison.Ordinal)).ToList();

        Assert.Equal(sheet.Criteria.Count(c => c.RequiredFor(3) > 0), three.Count);
        Assert.True(four.Count > three.Count, "a 4★ target depends on more minimums than 3★");
        Assert.All(three, s => Assert.False(s.Required));
        // 2.3 (label and traceability): a 4★ target needs more points of it than 3★ (the electronic traceability code).
        Assert.NotEqual(three.Single(s => s.Key == "criterion:2.3").Hint, four.Single(s => s.Key == "criterion:2.3").Hint);
        Assert.True(sheet["2.3"].RequiredFor(4) > sheet["2.3"].RequiredFor(3));
    }

    [Fact]
    public void The_checklist_is_stable_and_keys_are_unique()
    {
        var a = EvidenceChecklist.For(DossierKind.FirstEvaluation, 4, RuleFiles.Sheet(9));
        var b = EvidenceChecklist.For(DossierKind.FirstEvaluation, 4, RuleFiles.Sheet(9));
        Assert.Equal(a, b);
        Assert.Equal(a.Count, a.Select(s => s.Key).Distinct().Count());
    }

    [Theory]
    [InlineData(DossierStatus.Draft, DossierActor.Producer, "Submitted Withdrawn")]
    [InlineData(DossierStatus.AtCommune, DossierActor.Commune, "CommuneAssessed Forwarded")]
    [InlineData(DossierStatus.AtCommune, DossierActor.Producer, "Withdrawn")]
    [InlineData(DossierStatus.AtCommune, DossierActor.Office, "")]
    [InlineData(DossierStatus.AtProvince, DossierActor.Office, "SupplementRequested Accepted Rejected")]
    [InlineData(DossierStatus.AtProvince, DossierActor.Commune, "")]
    [InlineData(DossierStatus.SupplementRequested, DossierActor.Producer, "Resubmitted Withdrawn")]
    [InlineData(DossierStatus.SupplementRequested, DossierActor.Office, "Rejected")]
    [InlineData(DossierStatus.Accepted, DossierActor.Producer, "Withdrawn")]
    [InlineData(DossierStatus.Accepted, DossierActor.Office, "AssignedToRound")]
    [InlineData(DossierStatus.InEvaluation, DossierActor.Office, "ReturnedFromRound Evaluated")]
    [InlineData(DossierStatus.InEvaluation, DossierActor.Producer, "")]
    [InlineData(DossierStatus.Rejected, DossierActor.Producer, "")]
    [InlineData(DossierStatus.Withdrawn, DossierActor.Office, "")]
    [InlineData(DossierStatus.AtProvince, DossierActor.None, "")]
    public void Who_may_do_what_from_each_status(DossierStatus status, DossierActor actor, string expected) =>
        Assert.Equal(expected, string.Join(' ', DossierWorkflow.Available(status, actor).Select(t => t.Event)));

    [Fact]
    public void The_producer_edits_a_draft_freely_and_afterwards_only_the_slots_a_supplement_reopened()
    {
        var open = new DossierSlot { OpenForSupplement = true };
        var closed = new DossierSlot();
        Assert.True(DossierWorkflow.ProducerMayEdit(DossierStatus.Draft, closed));
        Assert.True(DossierWorkflow.ProducerMayEdit(DossierStatus.SupplementRequested, open));
        Assert.False(DossierWorkflow.ProducerMayEdit(DossierStatus.SupplementRequested, closed));
        Assert.False(DossierWorkflow.ProducerMayEdit(DossierStatus.AtProvince, open));
        Assert.False(DossierWorkflow.ProducerMayEdit(DossierStatus.Accepted, open));
    }
}
