using CivicPairing.Web.Data.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.Kind).HasMaxLength(50).IsRequired();
        builder.Property(p => p.FileName).HasMaxLength(260).IsRequired();
        builder.HasIndex(p => p.CreatedAt);
    }
}
