using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Agreements;

public enum AgreementStatus
{
    [Display(Name = "Draft")]
    Draft = 1,
    [Display(Name = "Signed by the unit")]
    SignedByUnit = 2,
    [Display(Name = "Signed by both")]
    SignedByBoth = 3,
    [Display(Name = "Filed (in force)")]
    Filed = 4,
    [Display(Name = "Expired")]
    Expired = 5,
    [Display(Name = "Terminated")]
    Terminated = 6,
    /// <summary>A filed agreement replaced by its filed amendment.</summary>
    [Display(Name = "Superseded by an amendment")]
    Superseded = 7,
}
