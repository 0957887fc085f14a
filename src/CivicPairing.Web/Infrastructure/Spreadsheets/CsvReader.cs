using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using LibraryCsvReader = CsvHelper.CsvReader;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Reads an uploaded delimited text file with CsvHelper: comma, tab or semicolon separated (detected), in UTF-8 (with or
/// without BOM), UTF-16 LE/BE with BOM (Excel's "Unicode text" is UTF-16LE, tab-separated), or GB18030/GBK (Excel's plain
/// CSV on Chinese Windows). This class only decides the encoding and maps records to rows; CsvHelper parses.
/// </summary>
public static class CsvReader
{
    const int MaxInputBytes = 50 * 1024 * 1024;

    /// <summary>
    /// Returns the records as parsed (rows are not padded to a common width); a blank line is a single "" field and keeps
    /// the line numbers of the rows after it; trailing blank lines are dropped. An export's formula guard (an apostrophe
    /// before = + - @) is taken off. <paramref name="maxRows"/> counts every row including the header.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(Stream input, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        for (int n; (n = input.Read(chunk)) > 0;)
        {
            if (buffer.Length + n > MaxInputBytes)
                throw new SpreadsheetFormatException("The CSV file is larger than 50 MB; it was refused.", SpreadsheetProblem.TooLarge);
            buffer.Write(chunk, 0, n);
        }
        return Parse(Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), maxRows);
    }

    /// <summary>The text of the file, by its byte order mark or, without one, UTF-8 when it is valid UTF-8 and GB18030 otherwise.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
        foreach (var encoding in (Encoding[])[Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode])
        {
            if (bytes.StartsWith(encoding.Preamble))
                return Strict(encoding).GetString(bytes[encoding.Preamble.Length..]);
        }
        // GB18030 bytes are rarely valid UTF-8, so valid UTF-8 is taken as UTF-8.
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encodings.Gb18030.GetString(bytes);
    }

    static Encoding Strict(Encoding encoding) => encoding.CodePage switch
    {
        65001 => new UTF8Encoding(false, throwOnInvalidBytes: true),
        1200 => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
        _ => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
    };

    static List<IReadOnlyList<string>> Parse(string text, int maxRows)
    {
        var rows = new List<IReadOnlyList<string>>();
        var unterminated = false;
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = null, // detected from the first lines: comma, tab, semicolon (or |), whichever is consistent
            SkipEmptyLines = false, // a blank line keeps the line numbers of the rows after it
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Recover, // a stray quote inside an unquoted field is kept as text
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            DetectSeparatorHint = true, // Excel's "sep=;" first line
            OnMalformedRecord = record => unterminated |= record.Reason == CsvMalformedReason.UnterminatedQuote,
        };
        try
        {
            using var reader = LibraryCsvReader.FromText(text, options);
            while (reader.Read())
            {
                if (unterminated)
                    throw new SpreadsheetFormatException($"Row {rows.Count + 1} has a quoted field that is never closed.");
                var row = Array.ConvertAll(reader.Current.ToArray(), TabularValue.UndoFormulaGuard);
                rows.Add(row);
                // Blank rows past the limit are tolerated because trailing ones are dropped anyway.
                if (rows.Count > maxRows && !IsBlank(row))
                    throw new SpreadsheetFormatException($"The CSV file has more than {maxRows} rows.", SpreadsheetProblem.TooManyRows);
            }
        }
        catch (CsvFormatException e)
        {
            throw new SpreadsheetFormatException($"Row {rows.Count + 1} could not be read as CSV.", e);
        }
        while (rows.Count > 0 && IsBlank(rows[^1]))
            rows.RemoveAt(rows.Count - 1);
        return rows;
    }

    static bool IsBlank(IReadOnlyList<string> row) => row.All(f => f.Length == 0);
}

/// <summary>The code pages .NET ships outside its Unicode encodings: GB18030 for CSV, the legacy ones .xls files name.</summary>
internal static class Encodings
{
    public static Encoding Gb18030 { get; } = Load();

    static Encoding Load()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>Makes sure the code-page provider is registered (ExcelDataReader looks encodings up by code page).</summary>
    public static void Register() => _ = Gb18030;
}
