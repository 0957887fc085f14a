using CivicPairing.Domain.Evidence;
using CivicPairing.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class FundingRequestConfiguration : IEntityTypeConfiguration<FundingRequest>
{
    public void Configure(EntityTypeBuilder<FundingRequest> builder)
    {
        builder.HasOne(r => r.Community).WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.OnBehalfOf).WithMany().HasForeignKey(r => r.OnBehalfOfUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Title).HasMaxLength(FundingRequest.ItemMaxLength).IsRequired();
        builder.Property(r => r.Purpose).HasMaxLength(FundingRequest.PurposeMaxLength).IsRequired();
        builder.Property(r => r.RefusalReason).HasMaxLength(FundingRequest.ReasonMaxLength);
        builder.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.Amount).HasPrecision(18, 2);
        builder.Property(r => r.Pledged).HasPrecision(18, 2);
        builder.Property(r => r.Paid).HasPrecision(18, 2);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.StillRequested);
        builder.HasIndex(r => new { r.CommunityId, r.Status });
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Pledges).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Payments).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.Property(l => l.Item).HasMaxLength(FundingRequest.ItemMaxLength).IsRequired();
        builder.Property(l => l.Amount).HasPrecision(18, 2);
    }
}

public sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> builder)
    {
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.By).HasMaxLength(256).IsRequired();
        builder.HasIndex(p => new { p.UnitId, p.RequestId });
    }
}

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(p => p.VoucherId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.By).HasMaxLength(256).IsRequired();
        // The unit figures' and report totals' paid money by day.
        builder.HasIndex(p => new { p.PaidOn, p.UnitId });
        builder.HasIndex(p => p.VoucherId).IsUnique();
    }
}
