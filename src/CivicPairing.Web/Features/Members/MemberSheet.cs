using CivicPairing.Web.Infrastructure.Imports;

namespace CivicPairing.Web.Features.Members;

/// <summary>A row of the members export: what the list shows, without the mobile numbers.</summary>
public sealed record MemberSheetRow(string Name, string Community, string? UserName);

/// <summary>The columns of a members spreadsheet (headers in Chinese or English, in any order).</summary>
public static class MemberSheet
{
    public static readonly IReadOnlyList<SheetColumn<MemberSheetRow, MemberImportInput>> Columns =
    [
        new("Name", (r, _) => r.Name, (i, cell, _) => { i.Name = cell.Trim(); return null; }, Required: true),
        new("Mobile number", (_, _) => null, (i, cell, _) => { i.Phone = cell.Trim(); return null; }, Required: true),
        new("Residence community", (r, _) => r.Community, (i, cell, _) => { i.Community = cell.Trim(); return null; }, Required: true),
        new("User name", (r, _) => r.UserName, (i, cell, _) => { i.UserName = string.IsNullOrWhiteSpace(cell) ? null : cell.Trim(); return null; }),
    ];

    public static readonly IReadOnlyList<SheetColumn<MemberSheetRow, MemberImportInput>> ExportColumns = [Columns[0], Columns[2], Columns[3]];
}
