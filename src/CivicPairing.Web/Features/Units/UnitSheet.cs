using CivicPairing.Domain.Registry;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Imports;
using static CivicPairing.Web.Infrastructure.Imports.CellParsers;

namespace CivicPairing.Web.Features.Units;

/// <summary>The units spreadsheet: export writes these columns, import reads them back.</summary>
public static class UnitSheet
{
    public const string ImportKind = "units";

    public static readonly IReadOnlyList<SheetColumn<Unit, UnitInput>> Columns =
    [
        new("Unit name", (u, _) => u.Name, (i, c, _) => Text(c, v => i.Name = v), Required: true),
        new("Kind", (u, l) => l.Text(u.Kind), (i, c, l) => Enum<UnitKind>(c, l, v => i.Kind = v), Required: true),
        new("Civilized-unit level", (u, l) => l.Text(u.CivilizedLevel), (i, c, l) => string.IsNullOrWhiteSpace(c) ? null : Enum<CivilizedLevel>(c, l, v => i.CivilizedLevel = v)),
        new("Leader", (u, _) => u.LeaderName, (i, c, _) => Text(c, v => i.LeaderName = v)),
        new("Responsible leader", (u, _) => u.ResponsibleLeaderName, (i, c, _) => Text(c, v => i.ResponsibleLeaderName = v)),
        new("Contact phone", (u, _) => u.ContactPhone, (i, c, _) => Text(c, v => i.ContactPhone = v)),
        new("Staff", (u, _) => u.StaffCount, (i, c, l) => Int(c, l, v => i.StaffCount = v), Required: true),
        new("Party members", (u, _) => u.PartyMemberCount, (i, c, l) => Int(c, l, v => i.PartyMemberCount = v)),
        new("Strengths", (u, l) => l.FlagsText(u.Strengths), (i, c, l) => Flags<Strengths>(c, l, v => i.Strengths = v)),
        new("Notes", (u, _) => u.Notes, (i, c, _) => Text(c, v => i.Notes = v)),
        new("Status", (u, l) => u.IsActive ? l["Active"].Value : l["Inactive"].Value),
    ];
}
