using CivicPairing.Domain.Evidence;
using CivicPairing.Domain.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.HasOne(n => n.Community).WithMany().HasForeignKey(n => n.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.DispatchedTo).WithMany().HasForeignKey(n => n.DispatchedToUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.TakenBy).WithMany().HasForeignKey(n => n.TakenByUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.Title).HasMaxLength(Need.TitleMaxLength).IsRequired();
        builder.Property(n => n.Description).HasMaxLength(Need.TextMaxLength);
        builder.Property(n => n.Place).HasMaxLength(Need.PlaceMaxLength);
        builder.Property(n => n.ReportNote).HasMaxLength(Need.TextMaxLength);
        builder.Property(n => n.RatingComment).HasMaxLength(Need.TextMaxLength);
        builder.Property(n => n.Reason).HasMaxLength(Need.TextMaxLength);
        builder.Property(n => n.PostedBy).HasMaxLength(256).IsRequired();
        builder.Property(n => n.Budget).HasPrecision(18, 2);
        builder.Property(n => n.Version).IsConcurrencyToken();
        // The open needs for a liaison and the office's counts: by status, soonest wanted first.
        builder.HasIndex(n => new { n.Status, n.WantedBy });
        // A secretary's needs, a unit's dispatched and taken needs.
        builder.HasIndex(n => new { n.CommunityId, n.Status });
        builder.HasIndex(n => new { n.DispatchedToUnitId, n.Status });
        builder.HasIndex(n => new { n.TakenByUnitId, n.Status, n.WantedBy });
        builder.HasMany(n => n.Events).WithOne().HasForeignKey(e => e.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Evidence).WithOne().HasForeignKey(e => e.NeedId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NeedEventConfiguration : IEntityTypeConfiguration<NeedEvent>
{
    public void Configure(EntityTypeBuilder<NeedEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(Need.TextMaxLength);
        builder.HasIndex(e => new { e.NeedId, e.At });
    }
}
