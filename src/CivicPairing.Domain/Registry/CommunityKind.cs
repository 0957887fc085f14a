using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Registry;

public enum CommunityKind
{
    [Display(Name = "Urban community")]
    UrbanCommunity = 1,
    [Display(Name = "Village")]
    Village = 2,
}
