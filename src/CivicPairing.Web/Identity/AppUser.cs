using CivicPairing.Domain.Registry;
using Microsoft.AspNetCore.Identity;

namespace CivicPairing.Web.Identity;

public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    public string DisplayName { get; set; } = "";
    /// <summary>Set for a UnitLiaison: the one unit they act for.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>Set for a CommunitySecretary: the one community they act for.</summary>
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    /// <summary>Set for a PartyMember: the member record the account signs in for (their own records only).</summary>
    public int? PartyMemberId { get; set; }
    public Domain.Members.PartyMember? PartyMember { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Set when the administrator creates the account or resets its password: the password was handed over, so the
    /// user chooses their own before anything else (<see cref="PasswordChangeGate"/>). Cleared by the change.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
