using System.Runtime.CompilerServices;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>A sheet: its tab name, column titles and rows; with a <see cref="Title"/>, a first row naming what the sheet is, above the column titles.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<object?>> Rows, string? Title = null);

/// <summary>
/// Streams an .xlsx workbook of one or more sheets with MiniExcel. Rows are written as they are enumerated and only async
/// I/O reaches <c>output</c>, so it can be an ASP.NET Core response body (non-seekable, sync I/O disallowed). This class
/// only maps the portal's rows to cells: tab names Excel accepts, dates before 1900-03-01 as text, formula-like text
/// escaped, characters XML cannot carry dropped.
/// </summary>
public static class XlsxWriter
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

        var names = UniqueSheetNames(sheets.Select(x => x.Name));
        var width = sheets.Max(s => Math.Max(s.Headers.Count, s.Title is null ? 0 : 1));
        if (width > MaxColumns)
            throw new InvalidOperationException($"An .xlsx sheet holds at most {MaxColumns} columns.");
        var keys = Enumerable.Range(0, Math.Max(width, 1)).Select(ColumnName).ToArray();

        // MiniExcel's zip writes a few bytes synchronously (headers, the end of each part, the central directory): they are
        // held and sent ahead of the next async write. A failed workbook is never finished: when the rows fail, nothing more
        // reaches the output, so the rows sent so far cannot look like a whole file.
        await using var sink = new DeferredSyncWriteStream(output);
        var content = new Dictionary<string, object>();
        for (var i = 0; i < sheets.Count; i++)
            content[names[i]] = Cells(sheets[i], keys, sink, ct);
        var configuration = new OpenXmlConfiguration
        {
            FastMode = false, // FastMode keeps the whole workbook in memory (ZipArchiveMode.Update); without it, rows stream
            FreezeRowCount = sheets[0].Title is null ? 1 : 2,
            TableStyles = TableStyles.None,
            AutoFilter = false,
            EnableSharedStringCache = false,
            DynamicColumns = [.. sheets[0].Headers.Select((h, i) => new DynamicExcelColumn(keys[i]) { Width = ColumnWidth(h) })],
        };
        try
        {
            await MiniExcel.SaveAsAsync(sink, content, printHeader: false, configuration: configuration, cancellationToken: ct);
        }
        catch
        {
            sink.Abandon();
            throw;
        }
        await sink.FlushAsync(ct); // sends what the archive wrote synchronously while closing
    }

    // The title row, the column titles, then the rows, as MiniExcel takes them: one dictionary per row keyed by column.
    static async IAsyncEnumerable<IDictionary<string, object?>> Cells(XlsxSheet sheet, string[] keys, DeferredSyncWriteStream sink,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var rowNumber = 0;
        if (sheet.Title is not null)
        {
            rowNumber++;
            yield return Row(keys, [sheet.Title]);
        }
        rowNumber++;
        yield return Row(keys, [.. sheet.Headers]);

        await using var rows = sheet.Rows.GetAsyncEnumerator(ct);
        while (true)
        {
            IReadOnlyList<object?> row;
            try
            {
                if (!await rows.MoveNextAsync())
                    break;
                row = rows.Current;
                if (++rowNumber > MaxRows)
                    throw new InvalidOperationException($"An .xlsx sheet holds at most {MaxRows} rows including the header.");
                if (row.Count > keys.Length)
                    throw new InvalidOperationException($"A row has {row.Count} cells but the sheet has {keys.Length} columns.");
            }
            catch
            {
                sink.Abandon(); // before MiniExcel's clean-up closes the archive
                throw;
            }
            yield return Row(keys, row);
        }
    }

    static Dictionary<string, object?> Row(string[] keys, IReadOnlyList<object?> values)
    {
        var row = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
            row[keys[i]] = i < values.Count ? Cell(values[i]) : null;
        return row;
    }

    static object? Cell(object? value) => value switch
    {
        null => null,
        bool or int or long or short or byte or decimal => value,
        double d => double.IsFinite(d) ? d : TabularValue.ToText(d),
        float f => float.IsFinite(f) ? (double)f : TabularValue.ToText(f),
        _ when TabularValue.AsDate(value) is { } date => date >= FirstReliableSerialDate ? date : TabularValue.FormatDate(date),
        _ when TabularValue.TryFormatNumber(value, out _) => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => TabularValue.CellSafe(TabularValue.GuardFormula(TabularValue.ToText(value))),
    };

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

    static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
