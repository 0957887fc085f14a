using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace CivicPairing.UnitTests.Web;

/// <summary>A request the client abandoned is not logged as the portal's error; a failure or a 5xx still is.</summary>
public sealed class RequestLogLevels
{
    private static DefaultHttpContext Context(bool aborted, int status = 200)
    {
        var context = new DefaultHttpContext { RequestAborted = new CancellationToken(aborted) };
        context.Response.StatusCode = status;
        return context;
    }

    [Fact]
    public void AClientThatLeftIsAnOrdinaryLine() =>
        Assert.Equal(LogEventLevel.Information, RequestLogLevel.Of(Context(aborted: true), 80, new TaskCanceledException()));

    [Fact]
    public void ACancellationTheClientDidNotAskForIsAnError() =>
        Assert.Equal(LogEventLevel.Error, RequestLogLevel.Of(Context(aborted: false), 80, new TaskCanceledException()));

    [Fact]
    public void AnExceptionOrAServerErrorIsAnError()
    {
        Assert.Equal(LogEventLevel.Error, RequestLogLevel.Of(Context(aborted: true), 5, new InvalidOperationException()));
        Assert.Equal(LogEventLevel.Error, RequestLogLevel.Of(Context(aborted: false, status: 503), 5, null));
        Assert.Equal(LogEventLevel.Information, RequestLogLevel.Of(Context(aborted: false, status: 404), 5, null));
    }
}
