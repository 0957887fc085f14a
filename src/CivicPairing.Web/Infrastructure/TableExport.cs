using System.Runtime.CompilerServices;
using CivicPairing.Web.Infrastructure.Imports;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure;

/// <summary>
/// Streams rows straight from the query to the response as .xlsx or .csv: memory does not grow
/// with the row count, and the file holds exactly the rows the list's filters select.
/// </summary>
public sealed class TableExportResult<TEntity>(
    string format, string fileBaseName, IReadOnlyList<string> headers, IAsyncEnumerable<TEntity> source, Func<TEntity, IReadOnlyList<object?>> toRow)
    : IActionResult
{
    public static bool IsSupported(string? format) => format is "xlsx" or "csv";

    public Task ExecuteResultAsync(ActionContext context) =>
        TableExport.StreamAsync(context.HttpContext, fileBaseName, format, (body, ct) => format == "xlsx"
            ? XlsxWriter.WriteAsync(body, fileBaseName, headers, Rows(ct), ct)
            : CsvWriter.WriteAsync(body, headers, Rows(ct), ct));

    private async IAsyncEnumerable<IReadOnlyList<object?>> Rows([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in source.WithCancellation(ct))
        {
            yield return toRow(item);
        }
    }
}

/// <summary>A workbook of several sheets (a report and its details), streamed like a table export.</summary>
public sealed class WorkbookResult(string fileBaseName, IReadOnlyList<XlsxSheet> sheets) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) =>
        TableExport.StreamAsync(context.HttpContext, fileBaseName, "xlsx", (body, ct) => XlsxWriter.WriteAsync(body, sheets, ct));
}

public static class TableExport
{
    /// <summary>
    /// Sends a file that is written while it is read from the database. Once the first bytes are out, the status (200) and
    /// headers cannot be taken back, so a failure after that point aborts the connection: the browser shows a failed
    /// download instead of a shorter file that looks complete. The failure is logged as an error. A failure before any byte
    /// was sent reaches the error page as usual; a browser that went away is only noted.
    /// </summary>
    public static async Task StreamAsync(HttpContext http, string fileBaseName, string format, Func<Stream, CancellationToken, Task> write)
    {
        var response = http.Response;
        var ct = http.RequestAborted;
        Attach(response, fileBaseName, format);
        try
        {
            await write(response.Body, ct);
        }
        catch (Exception failure) when (response.HasStarted || ct.IsCancellationRequested)
        {
            var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TableExport).FullName!);
            if (ct.IsCancellationRequested)
            {
                log.LogInformation("Download {FileBaseName}.{Format} stopped: the browser went away", fileBaseName, format);
            }
            else
            {
                log.LogError(failure, "Download {FileBaseName}.{Format} failed after it had started; the connection was aborted so the browser shows a failed download",
                    fileBaseName, format);
            }
            http.Abort();
        }
    }

    /// <summary>
    /// Content type and a download name with the city's date and time; filename* carries a Chinese name, the plain one
    /// is for old clients.
    /// </summary>
    public static void Attach(HttpResponse response, string fileBaseName, string format)
    {
        var now = Format.Local(response.HttpContext.RequestServices.GetRequiredService<CityClock>().Now);
        var fileName = $"{fileBaseName}-{now:yyyyMMdd-HHmm}.{format}";
        response.ContentType = format == "xlsx"
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"export.{format}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    public static TableExportResult<TEntity> Create<TEntity, TInput>(
        string format, string fileBaseName, IQueryable<TEntity> query, IReadOnlyList<SheetColumn<TEntity, TInput>> columns, IStringLocalizer localizer) =>
        new(format, fileBaseName,
            columns.Select(c => localizer[c.Header].Value).ToList(),
            query.AsAsyncEnumerable(),
            entity => columns.Select(c => c.Export(entity, localizer)).ToList());
}
