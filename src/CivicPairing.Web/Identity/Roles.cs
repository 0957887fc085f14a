namespace CivicPairing.Web.Identity;

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string CivilizationOffice = nameof(CivilizationOffice);
    public const string UnitLiaison = nameof(UnitLiaison);
    public const string CommunitySecretary = nameof(CommunitySecretary);

    public static readonly IReadOnlyList<string> All = [Admin, CivilizationOffice, UnitLiaison, CommunitySecretary];

    /// <summary>For [Authorize(Roles = …)]: those who manage the registry.</summary>
    public const string OfficeOrAdmin = Admin + "," + CivilizationOffice;
}
