using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Agreements;

/// <summary>Open → ReportedDone (unit) → Confirmed (community), or back to Open when the community returns it.</summary>
public enum AgreementTaskStatus
{
    [Display(Name = "Open")]
    Open = 1,
    [Display(Name = "Reported done")]
    ReportedDone = 2,
    [Display(Name = "Confirmed")]
    Confirmed = 3,
    /// <summary>Dropped with its agreement (superseded or terminated); counts nowhere.</summary>
    [Display(Name = "Cancelled")]
    Cancelled = 4,
}
