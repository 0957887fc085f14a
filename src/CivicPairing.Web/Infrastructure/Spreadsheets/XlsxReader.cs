using System.IO.Compression;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Reads the cells of an uploaded .xlsx workbook with MiniExcel, which streams the worksheet, reads dates from
/// date-formatted cells (1900 and 1904 date systems) and shared and rich text. The file is treated as hostile: before
/// MiniExcel sees it, every part's size once unpacked is bounded (zip bombs), and while it reads, rows and cells are
/// counted; every problem surfaces as <see cref="SpreadsheetFormatException"/>.
/// </summary>
public static class XlsxReader
{
    const long MaxPartBytes = 50L * 1024 * 1024;
    const long MaxTotalBytes = 100L * 1024 * 1024;
    const int MaxParts = 1_000;
    const long MaxCells = 2_000_000; // cells MiniExcel hands over, empty ones included (a wide dimension pads every row)

    /// <summary>
    /// Returns one list per row (1-based sheet row n at index n-1), each holding cell text by column (see
    /// <see cref="TabularValue.CellText"/>: dates as yyyy-MM-dd). Empty rows read as empty lists, trailing ones are
    /// dropped, and trailing empty cells are not kept. <paramref name="maxRows"/> counts every row including the header.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReadFirstSheet(Stream input, int maxRows) =>
        Read(input, maxRows, firstOnly: true)[0].Rows;

    /// <summary>Every worksheet in workbook order, by tab name, each read as <see cref="ReadFirstSheet"/> reads one.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<string>> Rows)> ReadAllSheets(Stream input, int maxRowsPerSheet) =>
        Read(input, maxRowsPerSheet, firstOnly: false);

    static List<(string Name, IReadOnlyList<IReadOnlyList<string>> Rows)> Read(Stream input, int maxRows, bool firstOnly)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        var file = Seekable(input);
        var date1904 = CheckUnpackedSize(file);
        var configuration = new OpenXmlConfiguration
        {
            FillMergedCells = false, // a merged title keeps its text in its first cell only
            EnableSharedStringCache = false, // never spill shared strings to a temporary file; the size check bounds them
        };
        try
        {
            file.Position = 0;
            var names = MiniExcel.GetSheetNames(file);
            if (names.Count == 0)
                throw new SpreadsheetFormatException("The workbook contains no worksheet.");
            var result = new List<(string, IReadOnlyList<IReadOnlyList<string>>)>();
            foreach (var name in firstOnly ? names.Take(1) : names)
            {
                file.Position = 0;
                var rows = MiniExcel.Query(file, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX, configuration: configuration)
                    .Cast<IDictionary<string, object?>>()
                    .Select(row => date1904 ? row.Values.Select(From1904) : (IEnumerable<object?>)row.Values);
                result.Add((name, SheetRows.Collect(rows, maxRows, MaxCells)));
            }
            return result;
        }
        catch (SpreadsheetFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // MiniExcel reports a damaged workbook with whatever exception its parsing met (zip, XML, index, format).
            throw new SpreadsheetFormatException("The file is not a readable .xlsx workbook.", e);
        }
    }

    // MiniExcel 1.46 reads every serial number in the 1900 date system; a 1904 workbook's dates are 1,462 days later.
    static object? From1904(object? value) => value is DateTime date ? date.AddDays(1462) : value;

    static Stream Seekable(Stream input)
    {
        if (input.CanSeek)
            return input;
        var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy;
    }

    /// <summary>
    /// Zip bomb guard: each part's declared size, and then its real size (decompressed and counted, never kept, in case the
    /// directory lies), must stay under the limits before the workbook is parsed. Returns whether the workbook counts dates
    /// in the 1904 date system (the one flag MiniExcel does not read: workbookPr date1904 in xl/workbook.xml).
    /// </summary>
    static bool CheckUnpackedSize(Stream file)
    {
        try
        {
            file.Position = 0;
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > MaxParts)
                throw new SpreadsheetFormatException($"The workbook has more than {MaxParts} parts; the file was refused.", SpreadsheetProblem.TooLarge);
            if (!archive.Entries.Any(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && e.FullName.Contains("workbook", StringComparison.OrdinalIgnoreCase)))
                throw new SpreadsheetFormatException("The file is a zip archive but not an .xlsx workbook.");
            long total = 0;
            var buffer = new byte[81_920];
            var date1904 = false;
            foreach (var entry in archive.Entries)
            {
                if (entry.Length > MaxPartBytes)
                    throw TooLarge(entry.FullName);
                using var part = entry.Open();
                long size = 0;
                for (int n; (n = part.Read(buffer)) > 0;)
                {
                    size += n;
                    total += n;
                    if (size > MaxPartBytes)
                        throw TooLarge(entry.FullName);
                    if (total > MaxTotalBytes)
                        throw new SpreadsheetFormatException($"The workbook is larger than {MaxTotalBytes / 1024 / 1024} MB uncompressed; the file was refused.", SpreadsheetProblem.TooLarge);
                }
                if (entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase))
                    date1904 = Is1904(entry);
            }
            return date1904;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or NotSupportedException or System.Xml.XmlException)
        {
            throw new SpreadsheetFormatException("The file is not a readable .xlsx workbook.", e);
        }
    }

    static bool Is1904(ZipArchiveEntry workbook)
    {
        using var xml = System.Xml.XmlReader.Create(workbook.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        while (xml.Read())
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "workbookPr")
                return xml.GetAttribute("date1904") is "1" or "true";
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "sheets")
                return false; // workbookPr comes before the sheets
        }
        return false;
    }

    static SpreadsheetFormatException TooLarge(string part) =>
        new($"The workbook part '{part}' is larger than {MaxPartBytes / 1024 / 1024} MB uncompressed; the file was refused.", SpreadsheetProblem.TooLarge);
}

/// <summary>Rows as a spreadsheet library yields them, turned into the text rows the import reads, within limits.</summary>
internal static class SheetRows
{
    public static IReadOnlyList<IReadOnlyList<string>> Collect(IEnumerable<IEnumerable<object?>> source, int maxRows, long maxCells)
    {
        var rows = new List<IReadOnlyList<string>>();
        var pendingEmpty = 0; // empty rows count only as gaps before a later row, so trailing ones vanish
        long cells = 0;
        foreach (var values in source)
        {
            var row = new List<string>();
            foreach (var value in values)
            {
                if (++cells > maxCells)
                    throw new SpreadsheetFormatException("The worksheet has too many cells.", SpreadsheetProblem.TooLarge);
                row.Add(TabularValue.CellText(value));
            }
            var last = row.FindLastIndex(c => c.Length > 0);
            if (last < 0)
            {
                pendingEmpty++;
                continue;
            }
            row.RemoveRange(last + 1, row.Count - last - 1);
            if (rows.Count + pendingEmpty + 1 > maxRows)
                throw new SpreadsheetFormatException($"The worksheet has more than {maxRows} rows.", SpreadsheetProblem.TooManyRows);
            for (; pendingEmpty > 0; pendingEmpty--)
                rows.Add([]);
            rows.Add(row);
        }
        return rows;
    }
}
