using System.Globalization;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.Web.Features.Units;

public sealed class UnitListQuery : ListQuery
{
    public UnitKind? Kind { get; set; }
    public CivilizedLevel? Level { get; set; }
    public Strengths? Strength { get; set; }
    /// <summary>Active units by default; "all" and "inactive" on request.</summary>
    public bool? Active { get; set; } = true;

    public IQueryable<Unit> Apply(IQueryable<Unit> units)
    {
        if (SearchText is { } q)
        {
            units = units.Where(u => u.Name.Contains(q) || (u.LeaderName != null && u.LeaderName.Contains(q)));
        }
        if (Kind is { } kind)
        {
            units = units.Where(u => u.Kind == kind);
        }
        if (Level is { } level)
        {
            units = units.Where(u => u.CivilizedLevel == level);
        }
        if (Strength is { } strength)
        {
            units = units.Where(u => (u.Strengths & strength) == strength);
        }
        if (Active is { } active)
        {
            units = units.Where(u => u.IsActive == active);
        }
        return (Sort, Desc) switch
        {
            ("kind", false) => units.OrderBy(u => u.Kind).ThenBy(u => u.Name),
            ("kind", true) => units.OrderByDescending(u => u.Kind).ThenBy(u => u.Name),
            ("staff", false) => units.OrderBy(u => u.StaffCount).ThenBy(u => u.Name),
            ("staff", true) => units.OrderByDescending(u => u.StaffCount).ThenBy(u => u.Name),
            ("level", false) => units.OrderBy(u => u.CivilizedLevel).ThenBy(u => u.Name),
            ("level", true) => units.OrderByDescending(u => u.CivilizedLevel).ThenBy(u => u.Name),
            (_, true) => units.OrderByDescending(u => u.Name),
            _ => units.OrderBy(u => u.Name),
        };
    }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["kind"] = Kind?.ToString();
        values["level"] = Level?.ToString();
        values["strength"] = Strength?.ToString();
        values["active"] = Active is { } a ? a.ToString(CultureInfo.InvariantCulture).ToLowerInvariant() : "";
        return values;
    }
}
