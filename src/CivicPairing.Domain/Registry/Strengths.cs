using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Registry;

/// <summary>What a unit is good at (优势); a unit usually has several, so this is a flag set.</summary>
[Flags]
public enum Strengths
{
    None = 0,
    [Display(Name = "Legal")]
    Legal = 1 << 0,
    [Display(Name = "Medical")]
    Medical = 1 << 1,
    [Display(Name = "Education")]
    Education = 1 << 2,
    [Display(Name = "Culture")]
    Culture = 1 << 3,
    [Display(Name = "Science and technology")]
    SciTech = 1 << 4,
    [Display(Name = "Employment")]
    Employment = 1 << 5,
    [Display(Name = "Housing")]
    Housing = 1 << 6,
    [Display(Name = "Finance")]
    Finance = 1 << 7,
    [Display(Name = "Agriculture")]
    Agriculture = 1 << 8,
    [Display(Name = "Environment")]
    Environment = 1 << 9,
    [Display(Name = "Elderly care")]
    ElderlyCare = 1 << 10,
    [Display(Name = "Youth")]
    Youth = 1 << 11,
    [Display(Name = "Party building")]
    PartyBuilding = 1 << 12,
    [Display(Name = "Infrastructure")]
    Infrastructure = 1 << 13,
    [Display(Name = "Public security")]
    PublicSecurity = 1 << 14,
    [Display(Name = "Commerce")]
    Commerce = 1 << 15,
}
