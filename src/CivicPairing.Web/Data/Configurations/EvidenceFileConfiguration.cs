using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(e => e.StoredName).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ThumbnailName).HasMaxLength(64);
        builder.Property(e => e.OriginalName).HasMaxLength(EvidenceFile.OriginalNameMaxLength).IsRequired();
        builder.Property(e => e.ContentType).HasMaxLength(50).IsRequired();
        builder.Property(e => e.UploadedBy).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Id).ValueGeneratedNever(); // ids are made in code, so rows added through a task are inserts
        builder.Ignore(e => e.IsImage);
        builder.HasOne<AgreementTask>().WithMany(t => t.Evidence).HasForeignKey(e => e.AgreementTaskId).OnDelete(DeleteBehavior.Restrict);
    }
}
