using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>A real SMTP server on a loopback port (the NuGet package SmtpServer), keeping every message it is given.</summary>
public sealed class SmtpSink : IDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = FreePort();
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public void Start()
    {
        if (_running is not null)
        {
            return;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>Closes the port: a connection is refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        if (_running is null)
        {
            return;
        }
        _stop!.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Cancelled: the listener is closed.
        }
        _stop.Dispose();
        _running = null;
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public void Dispose() => Stop();

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            sink.Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A loopback HTTP endpoint standing in for the WeChat Work / DingTalk robots: keeps each post's query and JSON body.</summary>
public sealed class RobotEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RobotEndpoint(WebApplication app) => _app = app;

    public sealed record Post(string Path, IQueryCollection Query, string Body);

    public ConcurrentQueue<Post> Posts { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<RobotEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var robot = new RobotEndpoint(app);
        app.MapPost("/robot/{name}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            robot.Posts.Enqueue(new Post(context.Request.Path, context.Request.Query, await reader.ReadToEndAsync()));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        robot.BaseUrl = app.Urls.First();
        return robot;
    }

    public IReadOnlyList<Post> To(string name) => Posts.Where(p => p.Path == $"/robot/{name}").ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The demo portal with e-mail over the <see cref="SmtpSink"/> and group robots allowed on loopback.</summary>
public sealed class NotificationsFactory : PortalFactory
{
    public SmtpSink Mail { get; } = new();
    public RobotEndpoint Robot { get; } = RobotEndpoint.StartAsync().GetAwaiter().GetResult();

    public NotificationsFactory() => Mail.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Smtp:Security", "None");
        builder.UseSetting("Notifications:Smtp:From", "portal@example.test");
        builder.UseSetting("Notifications:AllowLoopbackWebhooks", "true");
        builder.UseSetting("Notifications:PortalUrl", "https://portal.example.test");
        builder.UseSetting("Notifications:DigestHour", "8");
        builder.UseSetting("Notifications:EscalateAfterDays", "7");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Mail.Dispose();
            Robot.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }
}
