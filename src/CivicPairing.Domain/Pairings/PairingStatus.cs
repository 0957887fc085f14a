using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Pairings;

public enum PairingStatus
{
    [Display(Name = "Proposed")]
    Proposed = 1,
    [Display(Name = "In force")]
    Active = 2,
    [Display(Name = "Suspended")]
    Suspended = 3,
    [Display(Name = "Ended")]
    Ended = 4,
    [Display(Name = "Rejected")]
    Rejected = 5,
}
