using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OcopPortal.Web.Data.Stamps;

public sealed class DataStampConfiguration : IEntityTypeConfiguration<DataStamp>
{
    public void Configure(EntityTypeBuilder<DataStamp> builder)
    {
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(40);

        // The row must exist: the interceptor updates it without reading it first.
        builder.HasData(new DataStamp { Name = DataStamp.Reports, Value = DataStamp.Initial });
    }
}
