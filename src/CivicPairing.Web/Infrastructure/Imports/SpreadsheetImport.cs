using System.Text.Json;
using CivicPairing.Web.Data;
using CivicPairing.Web.Data.Imports;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure.Imports;

public sealed record ImportRow<TInput>(int RowNumber, IReadOnlyList<string> Cells, TInput Input, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>What the shared preview page shows, whatever is imported.</summary>
public interface IImportPreview
{
    string FileName { get; }
    IReadOnlyList<string> Headers { get; }
    IEnumerable<(int RowNumber, IReadOnlyList<string> Cells, IReadOnlyList<string> Errors)> Lines { get; }
    Guid? PendingId { get; }
    int ValidCount { get; }
    int ErrorCount { get; }
}

public sealed record ImportPreview<TInput>(string FileName, IReadOnlyList<string> Headers, IReadOnlyList<ImportRow<TInput>> Rows, Guid? PendingId)
    : IImportPreview
{
    public IEnumerable<(int RowNumber, IReadOnlyList<string> Cells, IReadOnlyList<string> Errors)> Lines =>
        Rows.Select(r => (r.RowNumber, r.Cells, r.Errors));

    public int ValidCount => Rows.Count(r => r.IsValid);
    public int ErrorCount => Rows.Count - ValidCount;
}

/// <summary>
/// Reads an uploaded .xlsx, .xls, .csv or .txt (Infrastructure/Spreadsheets), checks every row with the same validator as the form, and
/// parks the valid rows in the database until the user confirms. Nothing reaches the registry
/// before that confirmation.
/// </summary>
public sealed class SpreadsheetImport(AppDbContext db, CityClock clock, IStringLocalizer<SharedResource> localizer)
{
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;

    public async Task<(IReadOnlyList<IReadOnlyList<string>>? Rows, string? Error)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, localizer["Choose a .xlsx, .xls, .csv or .txt file."]);
        }
        if (file.Length > MaxFileBytes)
        {
            return (null, localizer["The file is larger than {0} MB.", MaxFileBytes / 1024 / 1024]);
        }
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        // .txt is what Excel names "Unicode text" and "Text (tab delimited)": delimited text like a CSV.
        if (extension is not (".xlsx" or ".xls" or ".csv" or ".txt"))
        {
            return (null, localizer["Only .xlsx, .xls, .csv and .txt files can be imported."]);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        // The content decides, not the name: a renamed file is refused rather than misread.
        var content = Sniff(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Position = 0;
        try
        {
            var rows = (extension, content) switch
            {
                (".xlsx", Content.Zip) => XlsxReader.ReadFirstSheet(buffer, MaxRows + 1),
                (".xls", Content.Ole2) => XlsReader.ReadFirstSheet(buffer, MaxRows + 1),
                (".csv" or ".txt", Content.Text) => CsvReader.Read(buffer, MaxRows + 1),
                _ => throw new SpreadsheetFormatException("The content does not match the extension."),
            };
            if (rows.Count(r => r.Any(c => !string.IsNullOrWhiteSpace(c))) < 2)
            {
                return (null, localizer["The file has no data rows under the header row."]);
            }
            return (rows, null);
        }
        catch (SpreadsheetFormatException e)
        {
            return (null, e.Problem switch
            {
                SpreadsheetProblem.TooManyRows => localizer["The file has more than {0} rows. Split it into files of at most {0} rows and import them one after another.", MaxRows],
                SpreadsheetProblem.TooLarge => localizer["The file could not be read: unpacked, it is far larger than a spreadsheet of {0} rows. Save it again from Excel and try again.", MaxRows],
                _ => localizer["The file could not be read as a spreadsheet. Save it from Excel as .xlsx, .xls or .csv (at most {0} rows) and try again.", MaxRows],
            });
        }
    }

    private enum Content { Text, Zip, Ole2 }

    // .xlsx is a zip (PK 3 4); .xls an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1); anything else is taken for text.
    private static Content Sniff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\x03\x04"u8) ? Content.Zip
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) ? Content.Ole2
        : Content.Text;

    /// <summary>
    /// The row holding the column names: the first of the first ten rows in which a cell names a column, so that a title
    /// (often merged across the columns) and blank rows above the header are passed over; else the first non-empty row.
    /// </summary>
    private int HeaderRow<TEntity, TInput>(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<SheetColumn<TEntity, TInput>> columns)
    {
        for (var r = 0; r < Math.Min(rows.Count, 10); r++)
        {
            if (rows[r].Any(cell => columns.Any(c => c.Import is not null && Matches(cell.Trim(), c.Header))))
            {
                return r;
            }
        }
        var first = rows.ToList().FindIndex(r => r.Any(c => !string.IsNullOrWhiteSpace(c)));
        return Math.Max(first, 0);
    }

    public async Task<ImportPreview<TInput>> PreviewAsync<TEntity, TInput>(
        string kind, string fileName, string userId,
        IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyList<SheetColumn<TEntity, TInput>> columns,
        IValidator<TInput> validator,
        Func<TInput, string?> duplicateKey,
        CancellationToken ct) where TInput : new()
    {
        var headerRow = HeaderRow(rows, columns);
        var headers = rows[headerRow].Select(h => h.Trim()).ToList();
        var map = new Dictionary<int, SheetColumn<TEntity, TInput>>();
        var missing = new List<string>();
        foreach (var column in columns.Where(c => c.Import is not null))
        {
            var index = headers.FindIndex(h => Matches(h, column.Header));
            if (index >= 0)
            {
                map[index] = column;
            }
            else if (column.Required)
            {
                missing.Add(localizer[column.Header]);
            }
        }

        var result = new List<ImportRow<TInput>>();
        // Two rows name one record when the unique name index would say so (NameCollation, as the validator's check).
        var seen = new Dictionary<string, int>(NameCollation.Comparer);
        for (var r = headerRow + 1; r < rows.Count; r++)
        {
            var cells = rows[r];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var input = new TInput();
            var errors = new List<string>();
            if (missing.Count > 0)
            {
                errors.Add(localizer["The header row lacks the column(s): {0}.", string.Join(localizer["、"], missing)]);
            }
            foreach (var (index, column) in map)
            {
                var cell = index < cells.Count ? cells[index] : "";
                if (column.Import!(input, cell, localizer) is { } error)
                {
                    errors.Add($"{localizer[column.Header]}: {error}");
                }
            }
            if (errors.Count == 0)
            {
                var validation = await validator.ValidateAsync(input, ct);
                errors.AddRange(validation.Errors.Select(e => e.ErrorMessage));
            }
            if (duplicateKey(input) is { Length: > 0 } key)
            {
                if (seen.TryGetValue(key, out var firstRow))
                {
                    errors.Add(localizer["Same name as row {0} of this file.", firstRow]);
                }
                else
                {
                    seen[key] = r + 1;
                }
            }
            result.Add(new ImportRow<TInput>(r + 1, cells, input, errors));
        }

        Guid? pendingId = null;
        var valid = result.Where(x => x.IsValid).Select(x => x.Input).ToList();
        if (valid.Count > 0)
        {
            var now = clock.Now;
            var cutoff = now.AddDays(-1);
            await db.PendingImports.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
            var pending = new PendingImport
            {
                Id = Guid.NewGuid(), UserId = userId, Kind = kind, FileName = Path.GetFileName(fileName),
                Payload = JsonSerializer.Serialize(valid), CreatedAt = now,
            };
            db.PendingImports.Add(pending);
            await db.SaveChangesAsync(ct);
            pendingId = pending.Id;
        }
        return new ImportPreview<TInput>(Path.GetFileName(fileName), headers, result, pendingId);
    }

    /// <summary>The parked rows of this user's import, or null when it is gone, not theirs, or of another kind.</summary>
    public async Task<(PendingImport Import, List<TInput> Rows)?> TakeAsync<TInput>(Guid id, string kind, string userId, CancellationToken ct)
    {
        var pending = await db.PendingImports.FirstOrDefaultAsync(p => p.Id == id && p.Kind == kind && p.UserId == userId, ct);
        if (pending is null)
        {
            return null;
        }
        return (pending, JsonSerializer.Deserialize<List<TInput>>(pending.Payload) ?? []);
    }

    private bool Matches(string header, string key) =>
        string.Equals(header, key, StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, localizer[key], StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, Translations.Chinese(key), StringComparison.Ordinal);
}
