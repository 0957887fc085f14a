using System.Text;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Streams RFC 4180 CSV (comma, CRLF, quoted when needed) using only async I/O on <c>output</c>.
/// </summary>
public static class CsvWriter
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);

        // The BOM is what makes Excel read UTF-8 instead of the ANSI code page (GBK on Chinese Windows).
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        await WriteLineAsync(writer, line, headers, ct);
        await foreach (var row in rows.WithCancellation(ct))
            await WriteLineAsync(writer, line, row, ct);
        await writer.FlushAsync(ct);
    }

    static async Task WriteLineAsync(StreamWriter writer, StringBuilder line, IReadOnlyList<object?> cells, CancellationToken ct)
    {
        line.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                line.Append(',');
            AppendField(line, cells[i]);
        }
        await writer.WriteAsync(line.Append("\r\n"), ct);
    }

    static void AppendField(StringBuilder line, object? value)
    {
        var text = value switch
        {
            null => "",
            bool b => TabularValue.FormatBool(b),
            _ when TabularValue.TryFormatNumber(value, out var number) => number,
            _ when TabularValue.AsDate(value) is { } date => TabularValue.FormatDate(date),
            _ => DefuseFormula(TabularValue.ToText(value)),
        };
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
            line.Append(text);
        else
            line.Append('"').Append(text.Replace("\"", "\"\"")).Append('"');
    }

    // Spreadsheet apps execute text starting with these as a formula (CSV injection). The apostrophe makes
    // Excel treat the cell as text. Numbers are exempt, so -5 stays a number.
    static string DefuseFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
