using CsvHelper;
using LibraryCsvWriter = CsvHelper.CsvWriter;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Streams RFC 4180 CSV (comma, CRLF, quoted when needed, UTF-8 with BOM) with CsvHelper, using only async I/O on
/// <c>output</c>, so it can be an ASP.NET Core response body. Text that a spreadsheet would run as a formula is escaped.
/// </summary>
public static class CsvWriter
{
    static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        // The BOM is what makes Excel read UTF-8 instead of the ANSI code page (GBK on Chinese Windows).
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        ValidateFieldCount = false,
        // Text starting with = + - @, tab or CR gets an apostrophe; numbers are not text, so -5 stays a number.
        Injection = CsvInjection.Escape,
    };

    public static async Task WriteAsync(Stream output, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);

        await using var csv = LibraryCsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var header in headers)
            csv.WriteField(header);
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var value in row)
                WriteCell(csv, value);
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    static void WriteCell(LibraryCsvWriter csv, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case bool b:
                csv.WriteField(TabularValue.FormatBool(b), CsvQuoting.WhenNeeded);
                break;
            case var _ when TabularValue.TryFormatNumber(value, out _):
                csv.WriteField(value); // a number, formatted invariantly by the library: never escaped as a formula
                break;
            case var _ when TabularValue.AsDate(value) is { } date:
                csv.WriteField(TabularValue.FormatDate(date)); // starts with a digit
                break;
            default:
                csv.WriteField(TabularValue.ToText(value));
                break;
        }
    }
}
