using CivicPairing.Domain.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasOne(a => a.Pairing).WithMany().HasForeignKey(a => a.PairingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.PreviousVersion).WithMany().HasForeignKey(a => a.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Number).HasMaxLength(Agreement.NumberMaxLength).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(Agreement.TitleMaxLength).IsRequired();
        builder.Property(a => a.Principles).HasMaxLength(Agreement.TextMaxLength).IsRequired();
        builder.Property(a => a.Clauses).HasMaxLength(Agreement.TextMaxLength);
        builder.Property(a => a.UnitSignatory).HasMaxLength(Agreement.SignatoryMaxLength);
        builder.Property(a => a.CommunitySignatory).HasMaxLength(Agreement.SignatoryMaxLength);
        builder.Property(a => a.FiledBy).HasMaxLength(256);
        builder.Property(a => a.TerminationReason).HasMaxLength(Agreement.ReasonMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Number, a.VersionNumber }).IsUnique();
        builder.HasIndex(a => new { a.PairingId, a.Status });
        builder.HasIndex(a => new { a.Status, a.EndDate });
        // The agreement list's order (status, newest first, id): a page is a walk of this index, not a sort of the province's.
        builder.HasIndex(a => new { a.Status, a.StartDate }).IsDescending(false, true);
        builder.HasMany(a => a.Tasks).WithOne(t => t.Agreement).HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AgreementTaskConfiguration : IEntityTypeConfiguration<AgreementTask>
{
    public void Configure(EntityTypeBuilder<AgreementTask> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(AgreementTask.TitleMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(AgreementTask.TextMaxLength);
        builder.Property(t => t.ReportNote).HasMaxLength(AgreementTask.TextMaxLength);
        builder.Property(t => t.ReturnReason).HasMaxLength(AgreementTask.TextMaxLength);
        builder.Property(t => t.ReportedBy).HasMaxLength(256);
        builder.Property(t => t.ConfirmedBy).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.AgreementId, t.Number }).IsUnique();
        // Covers the overdue count and list: the agreement is reached by its key without reading the task rows.
        builder.HasIndex(t => new { t.Status, t.DueDate, t.AgreementId });
        // The task list's order (by due date, then id): a page is a walk of this index, its status and agreement read on the way.
        builder.HasIndex(t => new { t.DueDate, t.Status, t.AgreementId });
        builder.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AgreementTaskEventConfiguration : IEntityTypeConfiguration<AgreementTaskEvent>
{
    public void Configure(EntityTypeBuilder<AgreementTaskEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(AgreementTask.TextMaxLength);
        builder.HasIndex(e => new { e.TaskId, e.At });
    }
}
