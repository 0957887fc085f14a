using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// A download that fails after its first bytes were sent ends as a failed download (the connection is aborted) and an
/// error in the log, never as a shorter file that looks complete. Over real Kestrel sockets, as a browser would see it.
/// </summary>
public sealed class StreamedDownloads(StreamedDownloads.Portal portal) : IClassFixture<StreamedDownloads.Portal>
{
    /// <summary>The portal on Kestrel, with one extra address whose export's row source fails after a given number of rows.</summary>
    public sealed class Portal : PortalFactory, IAsyncLifetime
    {
        public HttpClient Http { get; private set; } = null!;

        public CapturedLog Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IStartupFilter, FailingExport>();
                Log.AddTo(services);
            });
        }

        public Task InitializeAsync()
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal))
                .First(a => a.StartsWith("http://", StringComparison.Ordinal));
            Http = new HttpClient { BaseAddress = new Uri(address) };
            return Task.CompletedTask;
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            Http.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>/__tests/export?format=xlsx|csv&amp;rows=N&amp;fail=true: the portal's table export over a row source that may fail.</summary>
    private sealed class FailingExport : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/__tests/export", branch => branch.Run(async http =>
            {
                var rows = int.Parse(http.Request.Query["rows"]!, System.Globalization.CultureInfo.InvariantCulture);
                var fail = http.Request.Query["fail"] == "true";
                var result = new TableExportResult<int>(http.Request.Query["format"]!, "流式导出" + http.Request.Query["name"], ["序号", "说明"], Source(rows, fail),
                    i => [i, $"第{i}行 👍 𠀀𡈼 {Guid.NewGuid()}"]);
                await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
            }));
            next(app);
        };

        private static async IAsyncEnumerable<int> Source(int rows, bool fail)
        {
            for (var i = 1; i <= rows; i++)
            {
                if (i % 500 == 0)
                {
                    await Task.Yield();
                }
                yield return i;
            }
            if (fail)
            {
                throw new InvalidOperationException("The row source failed in the middle of the download (test).");
            }
        }
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task ACompleteExportArrivesWhole(string format)
    {
        var bytes = await portal.Http.GetByteArrayAsync($"/__tests/export?format={format}&rows=5000&name=ok{format}");

        var rows = format == "xlsx" ? XlsxReader.ReadFirstSheet(new MemoryStream(bytes), 10_000) : CsvReader.Read(new MemoryStream(bytes), 10_000);
        Assert.Equal(5001, rows.Count);
        Assert.StartsWith("第5000行 👍 𠀀𡈼 ", rows[^1][1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task AnExportWhoseRowsFailMidwayIsAFailedDownloadAndAnErrorInTheLog(string format)
    {
        var name = "fail" + format;
        using var response = await portal.Http.GetAsync($"/__tests/export?format={format}&rows=5000&fail=true&name={name}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the headers had gone out before the rows failed

        var received = 0L;
        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[16 * 1024];
            for (int read; (read = await body.ReadAsync(buffer)) > 0;)
            {
                received += read;
            }
        });

        Assert.True(failure is HttpRequestException or IOException, $"the body ended normally after {received} bytes ({failure})");
        Assert.True(received > 10_000, $"only {received} bytes arrived: the failure should come mid-stream");
        Assert.Contains(portal.Log.Entries, e => e.Level == LogLevel.Error && e.Category == typeof(TableExport).FullName
            && e.Message.Contains($"流式导出{name}.{format} failed after it had started", StringComparison.Ordinal)
            && e.Exception?.Message == "The row source failed in the middle of the download (test).");
    }
}
