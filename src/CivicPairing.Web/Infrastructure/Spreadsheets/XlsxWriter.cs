using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>A sheet: its tab name, column titles and rows; with a <see cref="Title"/>, a first row naming what the sheet is, above the column titles.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<object?>> Rows, string? Title = null);

/// <summary>
/// Streams an .xlsx workbook of one or more sheets with SpreadCheetah. Rows are written as they are enumerated and only
/// async I/O reaches <c>output</c>, so it can be an ASP.NET Core response body (non-seekable, sync I/O disallowed). This
/// class only maps the portal's rows to cells: tab names Excel accepts, bold column titles, dates as real dates (those
/// before 1900-03-01 as text), characters XML cannot carry dropped. Text cells are typed as text, never formulas, so a
/// value starting with "=" is shown as written and not run (CSV, which has no types, is defused instead).
/// MiniExcel, which reads the portal's imports, is not used to write: it writes each half of an emoji or an Extension B
/// character as its own _xD83D_ escape, which LibreOffice and WPS show as such, and puts a drawing inside the sheet data.
/// </summary>
public static partial class XlsxWriter
{
    const int MaxRows = 1_048_576, MaxColumns = 16_384; // Excel's limits; beyond them it "repairs" the file
    static readonly DateTime FirstReliableSerialDate = new(1900, 3, 1); // earlier serials are skewed by Excel's 1900 leap-year bug

    public static Task WriteAsync(Stream output, string sheetName, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(output, [new XlsxSheet(sheetName, headers, rows)], ct);
    }

    /// <summary>Writes the sheets in order; tab names are made valid and unique as Excel requires.</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        if (sheets.Any(s => s.Headers.Count > MaxColumns))
            throw new InvalidOperationException($"An .xlsx sheet holds at most {MaxColumns} columns.");
        var names = UniqueSheetNames(sheets.Select(x => x.Name));

        // The zip writes a few bytes synchronously (the end of each part, the central directory): they are held and sent
        // ahead of the next async write. A failed workbook is never finished: when the rows fail, nothing more reaches the
        // output, so the rows sent so far cannot look like a whole file.
        await using var sink = new DeferredSyncWriteStream(output);
        var workbook = await Spreadsheet.CreateNewAsync(sink, new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd") }, ct);
        try
        {
            var bold = workbook.AddStyle(new Style { Font = { Bold = true } });
            for (var i = 0; i < sheets.Count; i++)
                await WriteSheetAsync(workbook, names[i], sheets[i], bold, ct);
            await workbook.FinishAsync(ct);
        }
        catch
        {
            sink.Abandon(); // before the workbook's disposal could close the archive
            throw;
        }
        finally
        {
            await workbook.DisposeAsync();
        }
        await sink.FlushAsync(ct); // sends what the archive wrote synchronously while closing
    }

    // The title row, the column titles, then the rows.
    static async Task WriteSheetAsync(Spreadsheet workbook, string name, XlsxSheet sheet, StyleId bold, CancellationToken ct)
    {
        var options = new WorksheetOptions { FrozenRows = sheet.Title is null ? 1 : 2 };
        for (var c = 0; c < sheet.Headers.Count; c++)
            options.Column(c + 1).Width = ColumnWidth(sheet.Headers[c]);
        await workbook.StartWorksheetAsync(name, options, ct);

        var rowNumber = 0;
        if (sheet.Title is not null)
        {
            rowNumber++;
            await workbook.AddRowAsync([new StyledCell(TabularValue.CellSafe(sheet.Title), bold)], ct);
        }
        rowNumber++;
        await workbook.AddRowAsync([.. sheet.Headers.Select(h => new StyledCell(TabularValue.CellSafe(h ?? ""), bold))], ct);

        var width = sheet.Headers.Count;
        await foreach (var row in sheet.Rows.WithCancellation(ct))
        {
            if (++rowNumber > MaxRows)
                throw new InvalidOperationException($"An .xlsx sheet holds at most {MaxRows} rows including the header.");
            if (row.Count > width)
                throw new InvalidOperationException($"A row has {row.Count} cells but the sheet has {width} columns.");
            var cells = new DataCell[row.Count];
            for (var i = 0; i < row.Count; i++)
                cells[i] = Cell(row[i]);
            await workbook.AddRowAsync(cells, ct);
        }
    }

    static DataCell Cell(object? value) => value switch
    {
        null => new DataCell((string?)null),
        bool b => new DataCell(b),
        int or short or byte => new DataCell(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)),
        long l => new DataCell(l),
        decimal m => new DataCell(m),
        double d => double.IsFinite(d) ? new DataCell(d) : new DataCell(TabularValue.ToText(d)),
        float f => float.IsFinite(f) ? new DataCell((double)f) : new DataCell(TabularValue.ToText(f)),
        _ when TabularValue.AsDate(value) is { } date => date >= FirstReliableSerialDate ? new DataCell(date) : new DataCell(TabularValue.FormatDate(date)),
        _ when TabularValue.TryFormatNumber(value, out _) => new DataCell(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => new DataCell(Literal(TabularValue.CellSafe(TabularValue.ToText(value)))),
    };

    // Readers decode _xHHHH_ in a cell's text as the character HHHH; text that holds such a sequence is written with its
    // underscore escaped (_x005F_), as ECMA-376 says, so it reads back as written.
    static string Literal(string text) =>
        text.Contains("_x", StringComparison.OrdinalIgnoreCase) ? EscapeSequence().Replace(text, "_x005F_$1") : text;

    [System.Text.RegularExpressions.GeneratedRegex("_([xX][0-9A-Fa-f]{4}_)")]
    private static partial System.Text.RegularExpressions.Regex EscapeSequence();

    static List<string> UniqueSheetNames(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // Excel compares tab names case-insensitively
        var result = new List<string>();
        foreach (var name in names)
        {
            var clean = SanitizeSheetName(name);
            var candidate = clean;
            for (var n = 2; !used.Add(candidate); n++)
            {
                var suffix = $" ({n})";
                candidate = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
            }
            result.Add(candidate);
        }
        return result;
    }

    static string SanitizeSheetName(string? name)
    {
        var chars = (name ?? "").Where(c => !char.IsControl(c) && !char.IsSurrogate(c))
            .Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray();
        var cleaned = new string(chars).Trim().Trim('\''); // Excel also rejects a leading or trailing apostrophe
        if (cleaned.Length > 31)
            cleaned = cleaned[..31].TrimEnd().TrimEnd('\'');
        return cleaned.Length == 0 ? "Sheet1" : cleaned;
    }

    // Columns as wide as their titles (CJK characters count double), so a Chinese header is readable on opening.
    static double ColumnWidth(string? header) =>
        Math.Clamp((header ?? "").Sum(c => c >= '\u2E80' ? 2 : 1) + 4, 12, 60);
}
