using Serilog.Events;

namespace CivicPairing.Web.Infrastructure;

/// <summary>
/// The level of a request's completion line. A request the client gave up on (a closed tab, a phone losing signal, a
/// load test ending) ends in a cancellation that Serilog would log as an error with status 500, though nothing failed
/// and the client got no response: it is an ordinary line, so the log's errors are the portal's own.
/// </summary>
public static class RequestLogLevel
{
    public static LogEventLevel Of(HttpContext context, double elapsedMs, Exception? exception) =>
        exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested ? LogEventLevel.Information
        : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
        : LogEventLevel.Information;
}
