using System.Globalization;
using System.Security.Claims;

namespace CivicPairing.Web.Identity;

/// <summary>Claims that bind a signed-in user to the party they act for, issued at sign-in.</summary>
public static class PartyClaims
{
    public const string UnitId = "cp:unit";
    public const string CommunityId = "cp:community";
    public const string DisplayName = "cp:name";
    public const string MemberId = "cp:member";

    public static int? GetUnitId(this ClaimsPrincipal user) => Parse(user.FindFirstValue(UnitId));
    public static int? GetCommunityId(this ClaimsPrincipal user) => Parse(user.FindFirstValue(CommunityId));
    /// <summary>The party member a PartyMember account signs in for.</summary>
    public static int? GetMemberId(this ClaimsPrincipal user) => user.IsInRole(Roles.PartyMember) ? Parse(user.FindFirstValue(MemberId)) : null;
    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    public static bool IsOfficeOrAdmin(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.CivilizationOffice) || user.IsInRole(Roles.Admin);

    private static int? Parse(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
