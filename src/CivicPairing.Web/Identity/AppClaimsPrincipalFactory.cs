using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CivicPairing.Web.Identity;

/// <summary>
/// Puts the user's unit or community into the cookie so row-level checks need no extra query, and whether they must
/// change their password first. Whatever changes one of these claims also updates the security stamp (SessionStampValidator).
/// </summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PartyClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(PartyClaims.UnitId, unitId.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.CommunityId is { } communityId)
        {
            identity.AddClaim(new Claim(PartyClaims.CommunityId, communityId.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.PartyMemberId is { } memberId)
        {
            identity.AddClaim(new Claim(PartyClaims.MemberId, memberId.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangeGate.Claim, "true"));
        }
        return identity;
    }
}
