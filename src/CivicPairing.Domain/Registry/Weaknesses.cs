using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Registry;

/// <summary>The five weakness types of 篇3 (领导班子弱, 社会治安乱, 基础设施劣, 经济基础差, 社会事业少).</summary>
[Flags]
public enum Weaknesses
{
    None = 0,
    [Display(Name = "Weak leadership")]
    WeakLeadership = 1 << 0,
    [Display(Name = "Poor public order")]
    PoorPublicOrder = 1 << 1,
    [Display(Name = "Poor infrastructure")]
    PoorInfrastructure = 1 << 2,
    [Display(Name = "Weak economy")]
    WeakEconomy = 1 << 3,
    [Display(Name = "Few social services")]
    FewSocialServices = 1 << 4,
}
