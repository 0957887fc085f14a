using CivicPairing.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.HasIndex(u => u.Name).IsUnique();
        builder.Property(u => u.LeaderName).HasMaxLength(Unit.PersonNameMaxLength);
        builder.Property(u => u.ResponsibleLeaderName).HasMaxLength(Unit.PersonNameMaxLength);
        builder.Property(u => u.ContactPhone).HasMaxLength(30);
        builder.Property(u => u.Notes).HasMaxLength(Unit.TextMaxLength);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.Ignore(u => u.StrengthList);
        builder.HasIndex(u => new { u.IsActive, u.Kind });
        // The list's default order: any page is an index range scan, however deep.
        builder.HasIndex(u => new { u.IsActive, u.Name });
    }
}
