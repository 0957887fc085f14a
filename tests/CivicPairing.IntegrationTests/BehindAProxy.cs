using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// The portal behind a TLS-terminating proxy on the same host, over real loopback sockets: what the proxy forwards
/// (the browser's https, the client's address) is believed from loopback, so HSTS is sent, cookies are Secure and the
/// sign-in limit counts each client; a request that says nothing of the kind gets none of it.
/// </summary>
public sealed class BehindAProxy(BehindAProxy.Portal portal) : IClassFixture<BehindAProxy.Portal>
{
    public sealed class Portal : PortalFactory, IAsyncLifetime
    {
        public Uri Address { get; private set; } = null!;

        protected override int? LoginAttemptsPerMinute => 3;

        public Task InitializeAsync()
        {
            UseKestrel(0);
            StartServer();
            Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal))
                .First(a => a.StartsWith("http://", StringComparison.Ordinal)));
            return Task.CompletedTask;
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task HttpsForwardedByTheProxyGetsHstsAndSecureCookies()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = portal.Address };

        var proxied = await GetLoginAsync(http, forwardedProto: "https", forwardedFor: "203.0.113.7");
        Assert.True(proxied.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no HSTS behind an https proxy");
        Assert.Contains("max-age=", Assert.Single(hsts), StringComparison.Ordinal);
        var cookies = proxied.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        var direct = await GetLoginAsync(http, forwardedProto: null, forwardedFor: null);
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
        Assert.All(direct.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheSignInLimitCountsTheClientTheProxyNames()
    {
        // Three failures a minute per address in this portal: the fourth from one client is refused, another client is not.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = portal.Address };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await FailSignInAsync(http, "198.51.100.20")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..3]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await FailSignInAsync(http, "198.51.100.21")).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetLoginAsync(HttpClient http, string? forwardedProto, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        // A host name of the deployment's: browsers are never sent HSTS for localhost.
        request.Headers.Host = "pairing.example.gov.cn";
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await http.SendAsync(request);
    }

    /// <summary>A wrong password for demo.office from the given client, through the real form and its token.</summary>
    private static async Task<HttpResponseMessage> FailSignInAsync(HttpClient http, string client)
    {
        var page = await GetLoginAsync(http, "https", client);
        var html = await page.Content.ReadAsStringAsync();
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "demo.office", ["Password"] = "wrong-password-1", ["__RequestVerificationToken"] = PortalClient.TokenFrom(html),
            }),
        };
        post.Headers.Host = "pairing.example.gov.cn";
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("X-Forwarded-For", client);
        post.Headers.Add("Cookie", cookie);
        return await http.SendAsync(post);
    }
}
