using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Agreements;

/// <summary>The six focus areas of 篇4 (经济共促、环境共建、道德共建、文化共办、创建共抓、典型共育).</summary>
[Flags]
public enum FocusAreas
{
    None = 0,
    [Display(Name = "Economy promoted together")]
    Economy = 1 << 0,
    [Display(Name = "Environment built together")]
    Environment = 1 << 1,
    [Display(Name = "Morality built together")]
    Morality = 1 << 2,
    [Display(Name = "Culture run together")]
    Culture = 1 << 3,
    [Display(Name = "Civilization campaign together")]
    Campaign = 1 << 4,
    [Display(Name = "Role models raised together")]
    RoleModels = 1 << 5,
}
