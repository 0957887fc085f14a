using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Registry;

/// <summary>Kinds of unit named in domain.md (党政机关, 事业单位 …).</summary>
public enum UnitKind
{
    [Display(Name = "Party or government organ")]
    GovernmentOrgan = 1,
    [Display(Name = "Public institution")]
    PublicInstitution = 2,
    [Display(Name = "State-owned enterprise")]
    StateOwnedEnterprise = 3,
    [Display(Name = "Private enterprise")]
    PrivateEnterprise = 4,
    [Display(Name = "School")]
    School = 5,
    [Display(Name = "Hospital")]
    Hospital = 6,
    [Display(Name = "Financial institution")]
    FinancialInstitution = 7,
    [Display(Name = "Democratic party")]
    DemocraticParty = 8,
    [Display(Name = "Social organization")]
    SocialOrganization = 9,
}
