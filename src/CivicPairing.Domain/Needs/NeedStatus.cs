using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Needs;

/// <summary>
/// 点单 → (office) published or returned → 派单 to a unit or 接单 by one → reported done → 评单.
/// Submitted → Published | Returned; Published → Dispatched | Taken; Dispatched → Taken | Published (declined);
/// Taken → ReportedDone → Rated, or back to Taken when the community returns the report;
/// Submitted, Published or Dispatched → Withdrawn by the community while nobody has taken it.
/// </summary>
public enum NeedStatus
{
    [Display(Name = "Awaiting review")]
    Submitted = 1,
    [Display(Name = "Returned by the office")]
    Returned = 2,
    [Display(Name = "Open to take")]
    Published = 3,
    [Display(Name = "Dispatched")]
    Dispatched = 4,
    [Display(Name = "Taken")]
    Taken = 5,
    [Display(Name = "Awaiting rating")]
    ReportedDone = 6,
    [Display(Name = "Rated")]
    Rated = 7,
    [Display(Name = "Withdrawn")]
    Withdrawn = 8,
}
