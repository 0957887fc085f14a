using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Features.Registry;

namespace CivicPairing.Web.Features.Units;

/// <summary>What the unit form (and each imported row) carries.</summary>
public sealed class UnitInput : IRegistryInput<Unit>
{
    public int? Id { get; set; }

    [Display(Name = "Unit name")]
    public string? Name { get; set; }

    [Display(Name = "Kind")]
    public UnitKind? Kind { get; set; }

    [Display(Name = "Civilized-unit level")]
    public CivilizedLevel CivilizedLevel { get; set; }

    [Display(Name = "Leader")]
    public string? LeaderName { get; set; }

    [Display(Name = "Responsible leader")]
    public string? ResponsibleLeaderName { get; set; }

    [Display(Name = "Contact phone")]
    public string? ContactPhone { get; set; }

    [Display(Name = "Staff")]
    public int? StaffCount { get; set; }

    [Display(Name = "Party members")]
    public int? PartyMemberCount { get; set; }

    [Display(Name = "Strengths")]
    public List<Strengths> Strengths { get; set; } = [];

    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    /// <summary>The version the user started editing from; a mismatch on save is a conflict, not an overwrite.</summary>
    public Guid Version { get; set; }

    public static UnitInput From(Unit unit) => new()
    {
        Id = unit.Id, Name = unit.Name, Kind = unit.Kind, CivilizedLevel = unit.CivilizedLevel, LeaderName = unit.LeaderName,
        ResponsibleLeaderName = unit.ResponsibleLeaderName, ContactPhone = unit.ContactPhone, StaffCount = unit.StaffCount,
        PartyMemberCount = unit.PartyMemberCount, Strengths = [.. unit.Strengths.Flagged()], Notes = unit.Notes, Version = unit.Version,
    };

    public void ApplyTo(Unit unit)
    {
        unit.Name = Name!.Trim();
        unit.Kind = Kind!.Value;
        unit.CivilizedLevel = CivilizedLevel;
        unit.LeaderName = Clean(LeaderName);
        unit.ResponsibleLeaderName = Clean(ResponsibleLeaderName);
        unit.ContactPhone = Clean(ContactPhone);
        unit.StaffCount = StaffCount ?? 0;
        unit.PartyMemberCount = PartyMemberCount ?? 0;
        unit.Strengths = Strengths.Combine();
        unit.Notes = Clean(Notes);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
