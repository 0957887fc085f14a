using System.Text;
using System.Text.Unicode;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Reads an uploaded CSV file (RFC 4180; CRLF or LF) in UTF-8, with or without BOM, or GB18030/GBK.
/// </summary>
public static class CsvReader
{
    const int MaxInputBytes = 50 * 1024 * 1024;

    // .NET ships only the Unicode encodings and Latin-1; GB18030 (a superset of GBK) needs the code-page provider.
    static readonly Encoding Gb18030 = LoadGb18030();

    static Encoding LoadGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>
    /// Returns the records as parsed (rows are not padded to a common width); a blank line is a single "" field,
    /// trailing blank lines are dropped. <paramref name="maxRows"/> counts every row including the header.
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
                throw new SpreadsheetFormatException("The CSV file is larger than 50 MB; it was refused.");
            buffer.Write(chunk, 0, n);
        }
        return Parse(Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), maxRows);
    }

    static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
            return Encoding.UTF8.GetString(bytes[Encoding.UTF8.Preamble.Length..]);
        // Excel's plain "CSV" on Chinese Windows is saved in the ANSI code page (GBK), which is rarely valid UTF-8.
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Gb18030.GetString(bytes);
    }

    static List<IReadOnlyList<string>> Parse(string text, int maxRows)
    {
        var rows = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var rowStart = 0;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else
                    inQuotes = false;
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                EndField();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                EndRow();
                rowStart = i + 1;
            }
            else
            {
                field.Append(c); // a stray quote inside an unquoted field is kept as text
            }
        }

        if (inQuotes)
            throw new SpreadsheetFormatException($"Row {rows.Count + 1} has a quoted field that is never closed.");
        if (rowStart < text.Length)
            EndRow();
        while (rows.Count > 0 && IsBlank(rows[^1]))
            rows.RemoveAt(rows.Count - 1);
        return rows;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
        }

        void EndRow()
        {
            EndField();
            var row = fields.ToArray();
            fields.Clear();
            rows.Add(row);
            // Blank rows past the limit are tolerated because trailing ones are dropped anyway.
            if (rows.Count > maxRows && !IsBlank(row))
                throw new SpreadsheetFormatException($"The CSV file has more than {maxRows} rows.");
        }
    }

    static bool IsBlank(IReadOnlyList<string> row) => row.All(f => f.Length == 0);
}
