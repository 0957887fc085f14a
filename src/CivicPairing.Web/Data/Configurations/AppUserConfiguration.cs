using CivicPairing.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicPairing.Web.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength).IsRequired();
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Community).WithMany().HasForeignKey(u => u.CommunityId).OnDelete(DeleteBehavior.Restrict);
        // One account per party member.
        builder.HasOne(u => u.PartyMember).WithMany().HasForeignKey(u => u.PartyMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.PartyMemberId).IsUnique().HasFilter("PartyMemberId IS NOT NULL");
    }
}
