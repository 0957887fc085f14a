using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Registry;

/// <summary>Civilized-unit title held by a unit (文明单位 level).</summary>
public enum CivilizedLevel
{
    [Display(Name = "No title")]
    None = 0,
    [Display(Name = "City civilized unit")]
    City = 1,
    [Display(Name = "Provincial civilized unit")]
    Province = 2,
    [Display(Name = "National civilized unit")]
    National = 3,
}
