using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.HasOne(a => a.Pairing).WithMany().HasForeignKey(a => a.PairingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Title).HasMaxLength(Activity.TitleMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(Activity.TextMaxLength);
        builder.Property(a => a.Materials).HasMaxLength(1000);
        builder.Property(a => a.Attendees).HasMaxLength(2000);
        builder.Property(a => a.RatingComment).HasMaxLength(1000);
        builder.Property(a => a.DisputeReason).HasMaxLength(1000);
        builder.Property(a => a.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.DecidedBy).HasMaxLength(256);
        builder.Property(a => a.PersonHours).HasPrecision(10, 2);
        builder.Property(a => a.Funds).HasPrecision(18, 2);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.SubmissionKey).IsUnique();
        // The lists page by date; the inbox by status and submission time; duplicates are looked up by pairing and date.
        builder.HasIndex(a => new { a.PairingId, a.Date });
        builder.HasIndex(a => new { a.Status, a.SubmittedAt });
        // A status's newest first (the rowid ends every SQLite index, so Id breaks ties in order): "waiting more than 7 days" pages in 1 ms, not 200.
        builder.HasIndex(a => new { a.Status, a.Date });
        // A pairing's confirmed (or other) activities by date without reading the rows: the last confirmed activity before a
        // period for every pairing (7 s without it at province scale, 0.06 s with it), idle pairings, a pairing's last work.
        builder.HasIndex(a => new { a.PairingId, a.Status, a.Date });
        builder.HasIndex(a => new { a.Date, a.Id });
        // A household's visits (the last confirmed one on the household list). Only the few activities linked to a household
        // are in it: a full index, almost all NULL, told SQLite's statistics that a household has a million activities, and
        // the list walked the status index for each row (40 s for the office's list of a province).
        builder.HasIndex(a => new { a.AidHouseholdId, a.Status, a.Date }).HasFilter("AidHouseholdId IS NOT NULL");
        // The ranking reads a year of confirmed (and disputed) activities: this index holds every column it needs,
        // so the scan never touches the table.
        builder.HasIndex(a => new { a.Status, a.Date, a.PairingId, a.Category, a.PersonHours, a.Rating, a.LeaderTookPart })
            .HasDatabaseName("IX_Activities_Scoring");
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.LinkedTasks).WithMany().UsingEntity("ActivityTasks");
    }
}

public sealed class ActivityEventConfiguration : IEntityTypeConfiguration<ActivityEvent>
{
    public void Configure(EntityTypeBuilder<ActivityEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.HasIndex(e => new { e.ActivityId, e.At });
    }
}
