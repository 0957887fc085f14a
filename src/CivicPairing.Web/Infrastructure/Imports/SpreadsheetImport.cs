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
/// Reads an uploaded .xlsx or .csv, checks every row with the same validator as the form, and
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
            return (null, localizer["Choose a .xlsx or .csv file."]);
        }
        if (file.Length > MaxFileBytes)
        {
            return (null, localizer["The file is larger than {0} MB.", MaxFileBytes / 1024 / 1024]);
        }
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            return (null, localizer["Only .xlsx and .csv files can be imported."]);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer();
        // The content decides, not the name: a renamed file is refused rather than misread.
        var isZip = buffer.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        buffer.Position = 0;
        try
        {
            var rows = (extension, isZip) switch
            {
                (".xlsx", true) => XlsxReader.ReadFirstSheet(buffer, MaxRows + 1),
                (".csv", false) => CsvReader.Read(buffer, MaxRows + 1),
                _ => throw new SpreadsheetFormatException("The content does not match the extension."),
            };
            if (rows.Count < 2)
            {
                return (null, localizer["The file has no data rows under the header row."]);
            }
            return (rows, null);
        }
        catch (SpreadsheetFormatException)
        {
            return (null, localizer["The file could not be read as a spreadsheet. Save it from Excel as .xlsx or .csv (at most {0} rows) and try again.", MaxRows]);
        }
    }

    public async Task<ImportPreview<TInput>> PreviewAsync<TEntity, TInput>(
        string kind, string fileName, string userId,
        IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyList<SheetColumn<TEntity, TInput>> columns,
        IValidator<TInput> validator,
        Func<TInput, string?> duplicateKey,
        CancellationToken ct) where TInput : new()
    {
        var headers = rows[0].Select(h => h.Trim()).ToList();
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
        for (var r = 1; r < rows.Count; r++)
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
