namespace CivicPairing.Web.Identity;

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string CivilizationOffice = nameof(CivilizationOffice);
    public const string UnitLiaison = nameof(UnitLiaison);
    public const string CommunitySecretary = nameof(CommunitySecretary);
    /// <summary>在职党员: signs in to one page of their own reports and service (<c>/Me</c>), nothing else.</summary>
    public const string PartyMember = nameof(PartyMember);

    public static readonly IReadOnlyList<string> All = [Admin, CivilizationOffice, UnitLiaison, CommunitySecretary, PartyMember];

    /// <summary>The roles that work the programme's records; the fallback policy admits only these (a party member reaches their own page only).</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, CivilizationOffice, UnitLiaison, CommunitySecretary];

    /// <summary>The roles an administrator assigns on the account form; member accounts are made from the member's record, bound to it.</summary>
    public static readonly IReadOnlyList<string> Assignable = Staff;

    /// <summary>For [Authorize(Roles = …)]: everyone but a party member.</summary>
    public const string StaffRoles = Admin + "," + CivilizationOffice + "," + UnitLiaison + "," + CommunitySecretary;

    /// <summary>For [Authorize(Roles = …)]: those who manage the registry.</summary>
    public const string OfficeOrAdmin = Admin + "," + CivilizationOffice;
}
