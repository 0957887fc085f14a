using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Reads the cell text of the first worksheet of an uploaded .xlsx file. Treats the file as hostile:
/// sizes and shapes are bounded and every format problem surfaces as <see cref="SpreadsheetFormatException"/>.
/// </summary>
public static partial class XlsxReader
{
    const long MaxPartBytes = 50L * 1024 * 1024;
    const int MaxColumns = 16_384;       // Excel's XFD; a wider reference can only come from a crafted file
    const long MaxCells = 10_000_000;    // sparse references (A1, then XFD1048576) would otherwise allocate unboundedly

    /// <summary>
    /// Returns one list per row (1-based sheet row n at index n-1), each holding cell text by column.
    /// Missing cells and rows read as "" and empty lists; trailing empty rows are dropped. Rows are not padded
    /// to a common width. Numbers use invariant formatting ("38", "1.5"); dates come back as Excel serial
    /// numbers because the style is not interpreted; booleans read "TRUE"/"FALSE".
    /// <paramref name="maxRows"/> counts every row including the header.
    /// </summary>
    /// <remarks>A non-seekable <paramref name="input"/> is buffered in memory whole by ZipArchive; cap the upload size.</remarks>
    public static IReadOnlyList<IReadOnlyList<string>> ReadFirstSheet(Stream input, int maxRows) =>
        Read(input, maxRows, firstOnly: true)[0].Rows;

    /// <summary>Every worksheet in workbook order, by tab name, each read as <see cref="ReadFirstSheet"/> reads one.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<string>> Rows)> ReadAllSheets(Stream input, int maxRowsPerSheet) =>
        Read(input, maxRowsPerSheet, firstOnly: false);

    static List<(string Name, IReadOnlyList<IReadOnlyList<string>> Rows)> Read(Stream input, int maxRows, bool firstOnly)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        try
        {
            using var archive = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            // OPC part names are case-insensitive.
            var parts = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in archive.Entries)
                parts.TryAdd(entry.FullName, entry);

            var workbookPath = Relationships(parts, "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
                ?? throw NotAWorkbook();
            if (!parts.TryGetValue(workbookPath, out var workbookEntry))
                throw NotAWorkbook();
            var workbookRels = Relationships(parts, workbookPath).ToList();

            // Worksheets (not chartsheets) in workbook order, wherever their parts live.
            var sheets = (LoadXml(workbookEntry).Root?.Elements().Where(e => e.Name.LocalName == "sheets")
                .Elements().Where(e => e.Name.LocalName == "sheet")
                .Select(e => (Name: (string?)e.Attribute("name") ?? "",
                    Id: e.Attributes().FirstOrDefault(a => a.Name.LocalName == "id" && a.Name.Namespace != XNamespace.None)?.Value)) ?? [])
                .Select(x => (x.Name, Path: workbookRels.FirstOrDefault(r => r.Id == x.Id && r.Type.EndsWith("/worksheet", StringComparison.Ordinal)).Target))
                .Where(x => x.Path is not null)
                .ToList();
            if (sheets.Count == 0)
                throw new SpreadsheetFormatException("The workbook contains no worksheet.");

            var sharedStringsPath = workbookRels.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
            var sharedStrings = sharedStringsPath is not null && parts.TryGetValue(sharedStringsPath, out var sst) ? ReadSharedStrings(sst) : [];

            var result = new List<(string, IReadOnlyList<IReadOnlyList<string>>)>();
            foreach (var (name, path) in firstOnly ? sheets.Take(1) : sheets)
            {
                if (!parts.TryGetValue(path!, out var sheetEntry))
                    throw new SpreadsheetFormatException("The workbook's first worksheet is missing from the file.");
                using var sheet = OpenXml(sheetEntry);
                result.Add((name, ReadRows(sheet, sharedStrings, maxRows)));
            }
            return result;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or EndOfStreamException)
        {
            throw new SpreadsheetFormatException("The file is not a readable .xlsx workbook.", e);
        }
    }

    static SpreadsheetFormatException NotAWorkbook() => new("The file is a zip archive but not an .xlsx workbook.");

    /// <summary>The relationships of <paramref name="partPath"/> ("" for the package root), with targets as absolute part names.</summary>
    static IEnumerable<(string Id, string Type, string? Target)> Relationships(Dictionary<string, ZipArchiveEntry> parts, string partPath)
    {
        var slash = partPath.LastIndexOf('/');
        var folder = partPath[..(slash + 1)];
        if (!parts.TryGetValue($"{folder}_rels/{partPath[(slash + 1)..]}.rels", out var rels))
            return [];
        return LoadXml(rels).Root?.Elements().Where(e => e.Name.LocalName == "Relationship")
            .Where(e => (string?)e.Attribute("TargetMode") != "External")
            .Select(e => ((string?)e.Attribute("Id") ?? "", (string?)e.Attribute("Type") ?? "", (string?)ResolvePartName(folder, (string?)e.Attribute("Target") ?? "")))
            .ToList() ?? [];
    }

    static string ResolvePartName(string folder, string target)
    {
        var path = Uri.UnescapeDataString(target);
        var segments = new List<string>();
        foreach (var segment in (path.StartsWith('/') ? path : folder + path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }
        return string.Join('/', segments);
    }

    static XmlReader OpenXml(ZipArchiveEntry entry)
    {
        // Zip bomb guard: the declared size is checked up front, and MaxCharactersInDocument stops
        // decompression even if the zip directory lies about it.
        if (entry.Length > MaxPartBytes)
            throw new SpreadsheetFormatException($"The workbook part '{entry.FullName}' is larger than 50 MB uncompressed; the file was refused.");
        return XmlReader.Create(entry.Open(), new XmlReaderSettings
        {
            CloseInput = true,
            DtdProcessing = DtdProcessing.Prohibit,
            MaxCharactersInDocument = MaxPartBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
    }

    static XDocument LoadXml(ZipArchiveEntry entry)
    {
        using var reader = OpenXml(entry);
        return XDocument.Load(reader);
    }

    /// <summary>Streams the elements named <paramref name="localName"/> one at a time, so big parts are never a single tree.</summary>
    static IEnumerable<XElement> StreamElements(XmlReader reader, string localName)
    {
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == localName)
                yield return (XElement)XNode.ReadFrom(reader); // leaves the reader on the following node
            else
                reader.Read();
        }
    }

    static List<string> ReadSharedStrings(ZipArchiveEntry entry)
    {
        using var reader = OpenXml(entry);
        return StreamElements(reader, "si").Select(StringItemText).ToList();
    }

    // Text is either a plain <t> or rich-text runs <r><t>; phonetic guides (<rPh><t>) are not part of it.
    static string StringItemText(XElement item) => Unescape(string.Concat(
        from child in item.Elements()
        from t in child.Name.LocalName == "r" ? child.Elements() : [child]
        where t.Name.LocalName == "t"
        select t.Value));

    static List<IReadOnlyList<string>> ReadRows(XmlReader sheet, List<string> sharedStrings, int maxRows)
    {
        var rows = new List<IReadOnlyList<string>>();
        long previousNumber = 0, cells = 0;
        foreach (var row in StreamElements(sheet, "row"))
        {
            var number = ParseRowNumber((string?)row.Attribute("r")) ?? previousNumber + 1;
            if (number <= previousNumber)
                throw new SpreadsheetFormatException($"Row {number} appears out of order in the worksheet.");
            previousNumber = number;

            var values = ReadCells(row, sharedStrings);
            if (values.TrueForAll(v => v.Length == 0))
                continue; // empty rows count only as gaps before a later row, so trailing ones vanish
            if (number > maxRows)
                throw new SpreadsheetFormatException($"The worksheet has more than {maxRows} rows.");
            if ((cells += values.Count) > MaxCells)
                throw new SpreadsheetFormatException("The worksheet has too many cells.");
            while (rows.Count < number - 1)
                rows.Add([]);
            rows.Add(values);
        }
        return rows;
    }

    static long? ParseRowNumber(string? r) =>
        r is null ? null
        : long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new SpreadsheetFormatException($"'{r}' is not a valid row number.");

    static List<string> ReadCells(XElement row, List<string> sharedStrings)
    {
        var values = new List<string>();
        foreach (var cell in row.Elements().Where(e => e.Name.LocalName == "c"))
        {
            var column = ParseColumnIndex((string?)cell.Attribute("r")) ?? values.Count;
            if (column < values.Count)
                throw new SpreadsheetFormatException("Cells appear out of order in the worksheet.");
            while (values.Count < column)
                values.Add("");
            values.Add(CellText(cell, sharedStrings));
        }
        return values;
    }

    /// <summary>0-based column of a reference such as "C5" (2); null when the cell has none.</summary>
    static int? ParseColumnIndex(string? reference)
    {
        if (reference is null)
            return null;
        int column = 0, i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + char.ToUpperInvariant(reference[i]) - 'A' + 1;
            if (column > MaxColumns)
                throw new SpreadsheetFormatException($"Cell '{reference}' lies beyond the last column Excel supports.");
        }
        return i > 0 ? column - 1 : throw new SpreadsheetFormatException($"'{reference}' is not a valid cell reference.");
    }

    static string CellText(XElement cell, List<string> sharedStrings)
    {
        var value = cell.Elements().FirstOrDefault(e => e.Name.LocalName == "v")?.Value;
        switch ((string?)cell.Attribute("t"))
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                    ? sharedStrings[index]
                    : throw new SpreadsheetFormatException($"A cell refers to shared string '{value}', which does not exist.");
            case "inlineStr":
                var inline = cell.Elements().FirstOrDefault(e => e.Name.LocalName == "is");
                return inline is null ? "" : StringItemText(inline);
            case "b":
                return value switch { "1" => TabularValue.FormatBool(true), "0" => TabularValue.FormatBool(false), _ => value ?? "" };
            case null or "n":
                return value is null ? "" : FormatNumber(value);
            default: // "str" (formula result), "e" (error such as #N/A), "d" (ISO date)
                return Unescape(value ?? "");
        }
    }

    // Excel stores up to 17 significant digits but shows 15; whole numbers are kept digit-for-digit
    // (phone and ID-like numbers) while they are exactly representable.
    static string FormatNumber(string raw)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            return raw.Trim();
        return x == Math.Floor(x) && Math.Abs(x) < 9_007_199_254_740_992d
            ? ((long)x).ToString(CultureInfo.InvariantCulture)
            : x.ToString("G15", CultureInfo.InvariantCulture);
    }

    // Excel encodes characters XML cannot carry as _xHHHH_ (and a literal "_x" as _x005F_x).
    static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? EscapedChar().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapedChar();
}
