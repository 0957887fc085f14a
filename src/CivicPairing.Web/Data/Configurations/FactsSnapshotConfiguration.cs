using CivicPairing.Web.Features.Ranking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class FactsVersionConfiguration : IEntityTypeConfiguration<FactsVersion>
{
    public void Configure(EntityTypeBuilder<FactsVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        // The single row every save that touches scoring facts increments.
        builder.HasData(new FactsVersion { Id = 1, Number = 0 });
    }
}

public sealed class FactsSnapshotConfiguration : IEntityTypeConfiguration<FactsSnapshot>
{
    public void Configure(EntityTypeBuilder<FactsSnapshot> builder)
    {
        builder.Property(s => s.Kind).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Key).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Json).IsRequired();
        builder.HasIndex(s => new { s.Kind, s.Key, s.AsOf }).IsUnique();
    }
}
