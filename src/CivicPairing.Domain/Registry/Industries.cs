using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Registry;

/// <summary>Industry types of 篇3 (粮食种植, 畜禽养殖, 特色经济作物, 劳务输出, 农产品加工).</summary>
[Flags]
public enum Industries
{
    None = 0,
    [Display(Name = "Grain farming")]
    GrainFarming = 1 << 0,
    [Display(Name = "Livestock")]
    Livestock = 1 << 1,
    [Display(Name = "Cash crops")]
    CashCrops = 1 << 2,
    [Display(Name = "Labour export")]
    LabourExport = 1 << 3,
    [Display(Name = "Agricultural processing")]
    AgriProcessing = 1 << 4,
}
