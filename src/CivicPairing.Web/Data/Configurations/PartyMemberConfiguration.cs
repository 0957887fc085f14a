using CivicPairing.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class PartyMemberConfiguration : IEntityTypeConfiguration<PartyMember>
{
    public void Configure(EntityTypeBuilder<PartyMember> builder)
    {
        builder.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.ResidenceCommunity).WithMany().HasForeignKey(m => m.ResidenceCommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Name).HasMaxLength(PartyMember.NameMaxLength).IsRequired();
        builder.Property(m => m.Phone).HasMaxLength(PartyMember.PhoneLength).IsUnicode(false).IsRequired();
        builder.Property(m => m.RegisteredBy).HasMaxLength(256).IsRequired();
        builder.Property(m => m.Version).IsConcurrencyToken();
        // A unit's members by name (the liaison's list, the feedback report, the office's counts per unit).
        builder.HasIndex(m => new { m.UnitId, m.IsActive, m.Name });
        builder.HasIndex(m => m.ResidenceCommunityId);
        builder.HasMany(m => m.Reports).WithOne(r => r.Member).HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MemberReportConfiguration : IEntityTypeConfiguration<MemberReport>
{
    public void Configure(EntityTypeBuilder<MemberReport> builder)
    {
        builder.HasOne(r => r.Community).WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.ReportedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.Reason).HasMaxLength(MemberReport.ReasonMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // One pending or accepted report per member, even when two requests race.
        builder.HasIndex(r => r.MemberId).IsUnique().HasFilter("Status IN (1, 2)").HasDatabaseName("IX_MemberReports_OneOpen");
        // A secretary's reports by status (pending first on her page and home).
        builder.HasIndex(r => new { r.CommunityId, r.Status });
        builder.HasIndex(r => new { r.MemberId, r.ReportedAt });
    }
}

public sealed class MemberServiceConfiguration : IEntityTypeConfiguration<MemberService>
{
    public void Configure(EntityTypeBuilder<MemberService> builder)
    {
        builder.HasOne(s => s.Report).WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Member).WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Registry.Community>().WithMany().HasForeignKey(s => s.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Hours).HasPrecision(4, 1);
        builder.Property(s => s.Description).HasMaxLength(MemberService.DescriptionMaxLength).IsRequired();
        builder.Property(s => s.Remark).HasMaxLength(MemberService.RemarkMaxLength);
        builder.Property(s => s.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.DecidedBy).HasMaxLength(256);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // A member's day (the 24-hour check) and quarter; a community's records awaiting confirmation.
        builder.HasIndex(s => new { s.MemberId, s.Date });
        builder.HasIndex(s => new { s.CommunityId, s.Status, s.Date });
    }
}
