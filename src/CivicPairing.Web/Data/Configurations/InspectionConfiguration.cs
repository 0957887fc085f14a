using System.Text.Json;
using CivicPairing.Domain.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> builder)
    {
        builder.HasOne(i => i.Pairing).WithMany().HasForeignKey(i => i.PairingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Inspector).HasMaxLength(Inspection.InspectorMaxLength).IsRequired();
        // The item-by-item findings belong to their inspection alone: one JSON value, audited whole.
        builder.Property(i => i.Findings)
            .HasConversion(
                f => JsonSerializer.Serialize(f, JsonSerializerOptions.Default),
                s => JsonSerializer.Deserialize<List<InspectionFinding>>(s, JsonSerializerOptions.Default) ?? new List<InspectionFinding>(),
                new ValueComparer<List<InspectionFinding>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, f) => HashCode.Combine(h, f)), l => l.ToList()))
            .HasMaxLength(8000)
            .IsRequired();
        builder.Property(i => i.FollowUp).HasMaxLength(Inspection.TextMaxLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.NeedsRectification);
        builder.HasIndex(i => new { i.PairingId, i.Date });
        builder.HasIndex(i => i.Date);
    }
}

public sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(ChecklistItem.TextMaxLength).IsRequired();
        builder.HasIndex(i => new { i.IsActive, i.SortOrder });
        // The standing list of 篇1's inspections until the office edits it.
        builder.HasData(Inspection.DefaultChecklist.Select((text, i) => new ChecklistItem { Id = i + 1, Text = text, SortOrder = (i + 1) * 10 }));
    }
}
