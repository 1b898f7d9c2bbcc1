using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Infrastructure.Email;

namespace OcopPortal.Web.Data.Configurations;

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.Property(x => x.To).HasMaxLength(256);
        builder.Property(x => x.Subject).HasMaxLength(300);
        builder.Property(x => x.Kind).HasMaxLength(64);
        builder.Property(x => x.ClaimedBy).HasMaxLength(100);
        builder.Property(x => x.LastError).HasMaxLength(2000);
        builder.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        builder.HasIndex(x => x.CreatedAt);
    }
}
