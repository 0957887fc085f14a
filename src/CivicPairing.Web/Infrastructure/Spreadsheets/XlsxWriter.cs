using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>One worksheet of a workbook: its tab name, column titles and rows.</summary>
/// <summary>A sheet: its tab name, column titles and rows; with a <see cref="Title"/>, a first row naming what the sheet is, above the column titles.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<object?>> Rows, string? Title = null);

/// <summary>
/// Streams an .xlsx workbook of one or more sheets. Rows are written as they are enumerated and only async I/O
/// touches <c>output</c>, so it can be an ASP.NET Core response body (non-seekable, sync I/O disallowed).
/// </summary>
public static partial class XlsxWriter
{
    const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const int MaxCellChars = 32_767, MaxColumns = 16_384, MaxRows = 1_048_576; // Excel's limits; beyond them it "repairs" the file
    const int HeaderStyle = 1, DateStyle = 2, DateTimeStyle = 3; // indexes into cellXfs in Styles
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
        await using var sink = new DeferredSyncWriteStream(output);
        var archive = await ZipArchive.CreateAsync(sink, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        try
        {
            await WritePartAsync(archive, "[Content_Types].xml", ContentTypes(sheets.Count), ct);
            await WritePartAsync(archive, "_rels/.rels", RootRelationships, ct);
            await WritePartAsync(archive, "xl/workbook.xml", Workbook(names), ct);
            await WritePartAsync(archive, "xl/_rels/workbook.xml.rels", WorkbookRelationships(sheets.Count), ct);
            await WritePartAsync(archive, "xl/styles.xml", Styles, ct);
            for (var i = 0; i < sheets.Count; i++)
            {
                await using var sheet = await archive.CreateEntry($"xl/worksheets/sheet{i + 1}.xml").OpenAsync(ct);
                await WriteSheetAsync(sheet, sheets[i].Headers, sheets[i].Rows, sheets[i].Title, ct);
            }
        }
        catch
        {
            // A failed workbook is never finished: closing the archive would write its central directory and make the rows
            // sent so far look like a whole file. Nothing more reaches the output; the caller reports the failure.
            sink.Abandon();
            await DisposeQuietlyAsync(archive);
            throw;
        }
        await archive.DisposeAsync();
        await sink.FlushAsync(ct); // sends what the archive wrote synchronously while closing
    }

    // Releases the archive of a failed workbook; the failure being reported is the one that matters, not a second one here.
    static async Task DisposeQuietlyAsync(ZipArchive archive)
    {
        try
        {
            await archive.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException or NotSupportedException)
        {
        }
    }

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

    static async Task WritePartAsync(ZipArchive archive, string path, string xml, CancellationToken ct)
    {
        await using var stream = await archive.CreateEntry(path).OpenAsync(ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(xml), ct);
    }

    static async Task WriteSheetAsync(Stream stream, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, string? title, CancellationToken ct)
    {
        var settings = new XmlWriterSettings
        {
            Async = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            NewLineHandling = NewLineHandling.Entitize, // keeps "\r\n" inside cells instead of normalising it
        };
        await using var xml = XmlWriter.Create(stream, settings);
        await xml.WriteStartDocumentAsync(standalone: true);
        await xml.WriteStartElementAsync(null, "worksheet", MainNs);
        // Frozen first row (rows, with a title) so the column titles stay visible while scrolling.
        var top = title is null ? 1 : 2;
        await xml.WriteRawAsync($"<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"{top}\" topLeftCell=\"A{top + 1}\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        // Columns as wide as their titles (CJK characters count double), so a Chinese header is readable on opening.
        if (headers.Count > 0)
        {
            await xml.WriteRawAsync("<cols>" + string.Concat(headers.Select((h, i) =>
                $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{ColumnWidth(h).ToString(CultureInfo.InvariantCulture)}\" customWidth=\"1\"/>")) + "</cols>");
        }
        await xml.WriteStartElementAsync(null, "sheetData", MainNs);

        if (title is not null)
        {
            await WriteRowAsync(xml, 1, [title], header: true);
        }
        await WriteRowAsync(xml, top, headers, header: true);
        var rowNumber = top;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (++rowNumber > MaxRows)
                throw new InvalidOperationException($"An .xlsx sheet holds at most {MaxRows} rows including the header.");
            await WriteRowAsync(xml, rowNumber, row, header: false);
        }

        await xml.WriteEndElementAsync(); // sheetData
        await xml.WriteEndElementAsync(); // worksheet
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    static async Task WriteRowAsync(XmlWriter xml, int rowNumber, IReadOnlyList<object?> cells, bool header)
    {
        if (cells.Count > MaxColumns)
            throw new InvalidOperationException($"An .xlsx sheet holds at most {MaxColumns} columns.");
        var r = rowNumber.ToString(CultureInfo.InvariantCulture);
        await xml.WriteStartElementAsync(null, "row", MainNs);
        await xml.WriteAttributeStringAsync(null, "r", null, r);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not { } value)
                continue; // absent <c> is how xlsx says "empty"
            await xml.WriteStartElementAsync(null, "c", MainNs);
            await xml.WriteAttributeStringAsync(null, "r", null, ColumnName(i) + r);
            if (header)
                await WriteInlineStringAsync(xml, TabularValue.ToText(value), HeaderStyle);
            else
                await WriteValueAsync(xml, value);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    static async Task WriteValueAsync(XmlWriter xml, object value)
    {
        if (value is bool b)
        {
            await xml.WriteAttributeStringAsync(null, "t", null, "b");
            await xml.WriteElementStringAsync(null, "v", MainNs, b ? "1" : "0");
        }
        else if (TabularValue.TryFormatNumber(value, out var number))
        {
            await xml.WriteElementStringAsync(null, "v", MainNs, number);
        }
        else if (TabularValue.AsDate(value) is { } date && date >= FirstReliableSerialDate)
        {
            await xml.WriteAttributeStringAsync(null, "s", null, (TabularValue.HasTime(date) ? DateTimeStyle : DateStyle).ToString(CultureInfo.InvariantCulture));
            await xml.WriteElementStringAsync(null, "v", MainNs, date.ToOADate().ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            var text = TabularValue.AsDate(value) is { } early ? TabularValue.FormatDate(early) : TabularValue.ToText(value);
            await WriteInlineStringAsync(xml, text, style: 0);
        }
    }

    static async Task WriteInlineStringAsync(XmlWriter xml, string text, int style)
    {
        text = EscapeForCell(text);
        if (style != 0)
            await xml.WriteAttributeStringAsync(null, "s", null, style.ToString(CultureInfo.InvariantCulture));
        await xml.WriteAttributeStringAsync(null, "t", null, "inlineStr");
        await xml.WriteStartElementAsync(null, "is", MainNs);
        await xml.WriteStartElementAsync(null, "t", MainNs);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            await xml.WriteAttributeStringAsync("xml", "space", null, "preserve"); // otherwise Excel trims it
        await xml.WriteStringAsync(text);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    static string EscapeForCell(string text)
    {
        text = StripInvalidXmlChars(text);
        if (text.Length > MaxCellChars)
            text = text[..(char.IsHighSurrogate(text[MaxCellChars - 1]) ? MaxCellChars - 1 : MaxCellChars)];
        // Excel decodes "_x0041_" in cell text as "A"; escaping the underscore keeps such text literal.
        return EscapeSequenceStart().Replace(text, "_x005F_");
    }

    [GeneratedRegex("_(?=x[0-9A-Fa-f]{4}_)")]
    private static partial Regex EscapeSequenceStart();

    // XML 1.0 cannot carry most control characters (not even as &#1;), and a lone surrogate is not text.
    // A surrogate pair (emoji, CJK Extension B such as 𠀀) is one character and is kept whole.
    internal static string StripInvalidXmlChars(string text)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                // The index moves past the low half whether or not anything was dropped yet: with `kept?.Append(text[++i])`
                // the increment was skipped while kept was null, and the low half was then dropped as a lone surrogate.
                i++;
                kept?.Append(c).Append(text[i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                kept?.Append(c);
            }
            else
            {
                kept ??= new StringBuilder(text, 0, i, text.Length);
            }
        }
        return kept?.ToString() ?? text;
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

    static int ColumnWidth(string? header) =>
        Math.Clamp((header ?? "").Sum(c => c >= '\u2E80' ? 2 : 1) + 4, 12, 60);

    static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    static string ContentTypes(int sheetCount) =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
        + string.Concat(Enumerable.Range(1, sheetCount).Select(i => $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))
        + """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""";

    const string RootRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    static string Workbook(IReadOnlyList<string> sheetNames) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MainNs}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"""
        + string.Concat(sheetNames.Select((name, i) => $"""<sheet name="{SecurityElement.Escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""))
        + "</sheets></workbook>";

    // Sheets are rId1..rIdN; the styles part comes after them.
    static string WorkbookRelationships(int sheetCount) =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + string.Concat(Enumerable.Range(1, sheetCount).Select(i => $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"""))
        + $"""<Relationship Id="rId{sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";

    // cellXfs: 0 default, 1 bold header, 2 date, 3 date with time (see the style constants above).
    const string Styles =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";
}
