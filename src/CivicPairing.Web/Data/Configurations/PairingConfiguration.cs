using CivicPairing.Domain.Pairings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> builder)
    {
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Community).WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.UnitId, p.Status });
        builder.HasIndex(p => new { p.CommunityId, p.Status });
        // The pairing list sorted by start date: a page is a walk of this index.
        builder.HasIndex(p => p.StartDate);
        // The office's counts by status (proposals waiting) seek it instead of walking every pairing.
        builder.HasIndex(p => p.Status);
        // Only one open (proposed, in force or suspended) pairing per unit–community pair, even under a race.
        builder.HasIndex(p => new { p.UnitId, p.CommunityId }).IsUnique().HasFilter("Status IN (1, 2, 3)").HasDatabaseName("IX_Pairings_OnePerPair");
        builder.Property(p => p.ProposalNote).HasMaxLength(Pairing.ReasonMaxLength);
        builder.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.PairingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PairingEventConfiguration : IEntityTypeConfiguration<PairingEvent>
{
    public void Configure(EntityTypeBuilder<PairingEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(Pairing.ReasonMaxLength);
        builder.HasIndex(e => new { e.PairingId, e.At });
    }
}
