using System.Text.RegularExpressions;
using CivicPairing.Domain.Registry;

namespace CivicPairing.Domain.Members;

/// <summary>
/// 在职党员 (篇6 双报到): a party member working at a unit, registered by the unit's liaison with the community where they live.
/// Only what the work needs is kept (name, mobile number, residence community): personal information under PIPL (docs/privacy.md).
/// </summary>
public partial class PartyMember
{
    public const int NameMaxLength = 50;
    public const int PhoneLength = 11;

    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string Name { get; set; } = "";
    /// <summary>A mainland mobile number (11 digits starting with 1); seen only by the member, their liaison, the secretary they reported to and the office.</summary>
    public string Phone { get; set; } = "";
    public int ResidenceCommunityId { get; set; }
    public Community? ResidenceCommunity { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";
    /// <summary>False once the member has left the unit: kept for the quarters already reported, never offered again.</summary>
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<MemberReport> Reports { get; set; } = [];

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    public static bool IsMobileNumber(string? value) => value is not null && MobilePattern().IsMatch(value.Trim());

    /// <summary>The liaison registers one of the unit's members.</summary>
    public static PartyMember Register(int unitId, string name, string phone, int residenceCommunityId, string actor, DateTimeOffset now)
    {
        if (!IsMobileNumber(phone))
        {
            throw new DomainException("Enter an 11-digit mobile number.") { Field = nameof(Phone) };
        }
        return new PartyMember
        {
            UnitId = unitId,
            Name = PlainText.Required(name, NameMaxLength, "Enter the member's name.", nameof(Name)),
            Phone = phone.Trim(),
            ResidenceCommunityId = residenceCommunityId,
            RegisteredAt = now,
            RegisteredBy = actor,
        };
    }

    /// <summary>The liaison corrects the member's name, number or residence (a move: the open report stays until someone ends it).</summary>
    public void Correct(string name, string phone, int residenceCommunityId)
    {
        if (!IsActive)
        {
            throw new DomainException("This member has left the unit.");
        }
        if (!IsMobileNumber(phone))
        {
            throw new DomainException("Enter an 11-digit mobile number.") { Field = nameof(Phone) };
        }
        Name = PlainText.Required(name, NameMaxLength, "Enter the member's name.", nameof(Name));
        Phone = phone.Trim();
        ResidenceCommunityId = residenceCommunityId;
    }

    /// <summary>The member left the unit: kept for the quarters already reported, no longer reported anywhere.</summary>
    public void Leave()
    {
        if (!IsActive)
        {
            throw new DomainException("This member has left the unit.");
        }
        IsActive = false;
    }

    /// <summary>The masked number for lists that do not need the whole (138****5678).</summary>
    public static string Masked(string phone) => phone.Length == PhoneLength ? phone[..3] + "****" + phone[7..] : "****";
}
