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

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var ct = context.HttpContext.RequestAborted;
        TableExport.Attach(response, fileBaseName, format);
        if (format == "xlsx")
        {
            await XlsxWriter.WriteAsync(response.Body, fileBaseName, headers, Rows(ct), ct);
        }
        else
        {
            await CsvWriter.WriteAsync(response.Body, headers, Rows(ct), ct);
        }
    }

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
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        TableExport.Attach(response, fileBaseName, "xlsx");
        await XlsxWriter.WriteAsync(response.Body, sheets, context.HttpContext.RequestAborted);
    }
}

public static class TableExport
{
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
