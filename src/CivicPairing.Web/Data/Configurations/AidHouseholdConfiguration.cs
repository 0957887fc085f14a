using CivicPairing.Domain.Activities;
using CivicPairing.Domain.AidHouseholds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class AidHouseholdConfiguration : IEntityTypeConfiguration<AidHousehold>
{
    public void Configure(EntityTypeBuilder<AidHousehold> builder)
    {
        builder.HasOne(h => h.Community).WithMany().HasForeignKey(h => h.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(h => h.Pairing).WithMany().HasForeignKey(h => h.PairingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(h => h.HeadName).HasMaxLength(AidHousehold.NameMaxLength).IsRequired();
        builder.Property(h => h.MemberNames).HasMaxLength(AidHousehold.MemberNamesMaxLength);
        builder.Property(h => h.IdNumberMasked).HasMaxLength(IdNumbers.MaskedLength);
        builder.Property(h => h.ResponsibleName).HasMaxLength(AidHousehold.NameMaxLength).IsRequired();
        builder.Property(h => h.ResponsiblePhone).HasMaxLength(AidHousehold.PhoneMaxLength);
        builder.Property(h => h.IncomePerPerson).HasPrecision(18, 2);
        builder.Property(h => h.ClosedReason).HasMaxLength(AidHousehold.ReasonMaxLength);
        builder.Property(h => h.DecidedBy).HasMaxLength(256);
        builder.Property(h => h.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(h => h.Version).IsConcurrencyToken();
        // A secretary's households by status; the blockers of a pairing (its households in aid); the office's counts by status.
        builder.HasIndex(h => new { h.CommunityId, h.Status });
        builder.HasIndex(h => new { h.PairingId, h.Status });
        builder.HasIndex(h => h.Status);
        builder.HasMany(h => h.Measures).WithOne().HasForeignKey(m => m.AidHouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(h => h.Evidence).WithOne().HasForeignKey(e => e.AidHouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany<Activity>().WithOne().HasForeignKey(a => a.AidHouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AidMeasureConfiguration : IEntityTypeConfiguration<AidMeasure>
{
    public void Configure(EntityTypeBuilder<AidMeasure> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(AidMeasure.TextMaxLength).IsRequired();
        builder.Ignore(m => m.Done);
        // Overdue measures: not done, by target date.
        builder.HasIndex(m => new { m.AidHouseholdId, m.DoneOn, m.TargetDate });
    }
}
