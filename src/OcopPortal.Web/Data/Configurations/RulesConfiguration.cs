using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Data.Configurations;

public sealed class RuleSetConfiguration : IEntityTypeConfiguration<RuleSet>
{
    public void Configure(EntityTypeBuilder<RuleSet> builder)
    {
        builder.HasIndex(x => x.Code).IsUnique();
        builder.Property(x => x.Code).HasMaxLength(50);
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.LegalBasis).HasMaxLength(1000);
        builder.Property(x => x.Notes).HasMaxLength(4000);
        foreach (var p in new[] { nameof(RuleSet.FiveStarMin), nameof(RuleSet.FourStarMin), nameof(RuleSet.ThreeStarMin), nameof(RuleSet.TwoStarMin), nameof(RuleSet.MaxMemberSpread) })
        {
            builder.Property(p).HasPrecision(6, 2);
        }

        builder.HasMany(x => x.CriteriaSets).WithOne(x => x.RuleSet).HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Categories).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CriteriaSetConfiguration : IEntityTypeConfiguration<CriteriaSet>
{
    public void Configure(EntityTypeBuilder<CriteriaSet> builder)
    {
        builder.HasIndex(x => new { x.RuleSetId, x.Number }).IsUnique();
        builder.Property(x => x.Code).HasMaxLength(20);
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.LeadMinistries).HasMaxLength(100);
        builder.Property(x => x.DossierKnockouts).HasMaxLength(2000);
        builder.HasMany(x => x.Nodes).WithOne().HasForeignKey(x => x.CriteriaSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CriterionNodeConfiguration : IEntityTypeConfiguration<CriterionNode>
{
    public void Configure(EntityTypeBuilder<CriterionNode> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(20);
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.Knockout).HasMaxLength(1000);
        builder.Property(x => x.Stop).HasMaxLength(1000);
        builder.Property(x => x.Condition).HasMaxLength(1000);
        builder.Property(x => x.Note).HasMaxLength(2000);
        // Nodes are deleted with their criteria set; the self-reference must not cascade too (SQL Server forbids two paths).
        builder.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(x => x.Options).WithOne().HasForeignKey(x => x.CriterionNodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.CriteriaSetId, x.SortOrder });
    }
}

public sealed class CriterionOptionConfiguration : IEntityTypeConfiguration<CriterionOption>
{
    public void Configure(EntityTypeBuilder<CriterionOption> builder) => builder.Property(x => x.Label).HasMaxLength(1000);
}

public sealed class ProductCategoryConfiguration : IEntityTypeConfiguration<ProductCategory>
{
    public void Configure(EntityTypeBuilder<ProductCategory> builder)
    {
        builder.HasIndex(x => new { x.RuleSetId, x.Code }).IsUnique();
        builder.Property(x => x.Code).HasMaxLength(20);
        builder.Property(x => x.ParentCode).HasMaxLength(20);
        builder.Property(x => x.Name).HasMaxLength(300);
    }
}

public sealed class LegacyCategoryConfiguration : IEntityTypeConfiguration<LegacyCategory>
{
    public void Configure(EntityTypeBuilder<LegacyCategory> builder)
    {
        builder.HasIndex(x => new { x.Era, x.Name }).IsUnique();
        builder.Property(x => x.Era).HasMaxLength(50);
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.MapsToSector).HasMaxLength(20);
        builder.Property(x => x.MapsToGroup).HasMaxLength(20);
        builder.Property(x => x.Note).HasMaxLength(1000);
    }
}
