using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Members;

/// <summary>报到: Pending → Accepted | Declined (with a reason); Pending or Accepted → Ended (the member moved, left the unit or the report was withdrawn).</summary>
public enum MemberReportStatus
{
    [Display(Name = "Waiting for the community")]
    Pending = 1,
    [Display(Name = "Accepted")]
    Accepted = 2,
    [Display(Name = "Declined")]
    Declined = 3,
    [Display(Name = "Ended")]
    Ended = 4,
}

/// <summary>A service record: Submitted (by the member) → Confirmed or Rejected by the community's secretary; a secretary's own entry is Confirmed at once.</summary>
public enum MemberServiceStatus
{
    [Display(Name = "Awaiting confirmation")]
    Submitted = 1,
    [Display(Name = "Confirmed")]
    Confirmed = 2,
    [Display(Name = "Not confirmed")]
    Rejected = 3,
}
