using CivicPairing.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.RecipientId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.RecordType).HasMaxLength(40).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength).IsRequired();
        builder.Property(n => n.Street).HasMaxLength(50);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // The bell's count (recipient, unread) and the list (recipient, newest first) each read one index range.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt });
        builder.HasIndex(n => new { n.RecipientId, n.Id });
        builder.HasIndex(n => n.PlannedAt);
        builder.HasIndex(n => new { n.RecordType, n.RecordId, n.Kind });
    }
}

public sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.Property(d => d.Target).HasMaxLength(320).IsRequired();
        builder.Property(d => d.Subject).HasMaxLength(300).IsRequired();
        builder.Property(d => d.Body).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
    }
}

public sealed class WebhookTargetConfiguration : IEntityTypeConfiguration<WebhookTarget>
{
    public void Configure(EntityTypeBuilder<WebhookTarget> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(100).IsRequired();
        builder.Property(w => w.Url).HasMaxLength(WebhookTarget.UrlMaxLength).IsRequired();
        builder.Property(w => w.Secret).HasMaxLength(200);
        builder.Property(w => w.Keyword).HasMaxLength(50);
        builder.Property(w => w.Street).HasMaxLength(50);
        builder.HasOne<Domain.Registry.Unit>().WithMany().HasForeignKey(w => w.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasOne<Identity.AppUser>().WithOne().HasForeignKey<NotificationPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(50);
        builder.Property(l => l.Holder).HasMaxLength(200);
        builder.HasData(new JobLease { Name = JobLease.Notifications, ExpiresAt = DateTimeOffset.MinValue });
    }
}
