using CivicPairing.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Community.NameMaxLength).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Street).HasMaxLength(Community.StreetMaxLength).IsRequired();
        builder.Property(c => c.SecretaryName).HasMaxLength(50);
        builder.Property(c => c.ContactPhone).HasMaxLength(30);
        builder.Property(c => c.Profile).HasMaxLength(2000);
        builder.Property(c => c.FarmlandMu).HasPrecision(12, 2);
        builder.Property(c => c.CollectiveIncome).HasPrecision(18, 2);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.IsActive, c.Street });
        builder.HasIndex(c => new { c.IsActive, c.Name });
    }
}
