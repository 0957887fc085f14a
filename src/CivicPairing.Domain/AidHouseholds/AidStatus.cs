using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.AidHouseholds;

/// <summary>帮扶中 → 已脱困 (with evidence, confirmed by the community's secretary) or 已关闭 (with a reason).</summary>
public enum AidStatus
{
    [Display(Name = "In aid")]
    InAid = 1,
    [Display(Name = "Lifted out of hardship")]
    LiftedOut = 2,
    [Display(Name = "Closed")]
    Closed = 3,
}

/// <summary>Why a household is helped (篇3: 困难家庭); a household may have several.</summary>
[Flags]
public enum Difficulties
{
    None = 0,
    [Display(Name = "Minimum living allowance (低保)")]
    MinimumLivingAllowance = 1 << 0,
    [Display(Name = "Five guarantees (五保)")]
    FiveGuarantees = 1 << 1,
    [Display(Name = "Extreme hardship (特困)")]
    ExtremeHardship = 1 << 2,
    [Display(Name = "Disability (残疾)")]
    Disability = 1 << 3,
    [Display(Name = "Serious illness (大病)")]
    SeriousIllness = 1 << 4,
    [Display(Name = "Unemployment (失业)")]
    Unemployment = 1 << 5,
    [Display(Name = "Disaster (因灾)")]
    Disaster = 1 << 6,
    [Display(Name = "Other difficulty (其他)")]
    Other = 1 << 7,
}
