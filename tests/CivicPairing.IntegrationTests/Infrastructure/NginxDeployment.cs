using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CivicPairing.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>
/// A deployment as docs/operations.md describes it, on this machine: nginx (Debian's package) ends TLS with a
/// certificate made for the test and passes requests round-robin to two portal processes, started from the built
/// CivicPairing.Web.dll exactly as an operator starts them, sharing one SQLite file and one evidence folder.
/// nginx runs <c>deploy/nginx/civicpairing.conf</c>, the file the documentation shows, with only its ports and
/// certificate paths replaced. Without nginx the tests skip with the install command; under CI=true they fail.
/// </summary>
public sealed class NginxDeployment : IAsyncLifetime
{
    public const string NginxPath = "/usr/sbin/nginx";
    public const string HostName = "pairing.example.gov.cn";
    public const string InstanceA = "a";
    public const string InstanceB = "b";

    /// <summary>Failed sign-ins per client address and minute on each instance: small, so the limit test is short.</summary>
    public const int LoginAttemptsPerMinute = 3;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly List<Process> processes = [];
    private readonly Dictionary<string, StringBuilder> output = [];
    private X509Certificate2? certificate;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("civicpairing-nginx-").FullName;
    public string DatabasePath => Path.Combine(Directory, "civicpairing.db");
    public string EvidenceRoot => Path.Combine(Directory, "evidence");
    public string LogPath(string instance) => Path.Combine(Directory, "logs", $"instance-{instance}-.log");
    public int HttpsPort { get; private set; }
    public int HttpPort { get; private set; }
    public Dictionary<string, int> InstancePorts { get; } = [];
    public Uri BaseAddress => new($"https://{HostName}:{HttpsPort}/");

    public static string TemplatePath => Path.Combine(RepositoryRoot(), "deploy", "nginx", "civicpairing.conf");

    public static string? MissingPrerequisite() =>
        File.Exists(NginxPath) ? null : "nginx is not installed: run `sudo apt-get install -y nginx` (or `bash .ci/run`, which installs it).";

    /// <summary>Skips (or under CI=true fails) when nginx is missing.</summary>
    public static void RequirePrerequisites()
    {
        if (MissingPrerequisite() is not { } missing)
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI must run the deployment tests. " + missing);
        }
        Skip.If(true, missing);
    }

    public async Task InitializeAsync()
    {
        if (MissingPrerequisite() is not null)
        {
            return; // each test reports the skip (or the CI failure) itself
        }
        // One instance first: it migrates the new database, seeds it and makes the first data-protection key; the
        // second starts on a ready database (two first starts at once would both seed an empty one).
        await StartInstanceAsync(InstanceA);
        await StartInstanceAsync(InstanceB);
        await StartNginxAsync();
    }

    /// <summary>A client through nginx as a browser on <paramref name="clientAddress"/> (a loopback address) would be.</summary>
    public HttpClient CreateClient(IList<Exchange>? record = null, string clientAddress = "127.0.0.1", bool cookies = true)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies,
            // Every name resolves to nginx's loopback port, from the client address asked for.
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(clientAddress), 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            // Trust exactly the certificate made for this test, nothing else.
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && certificate is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
            },
        };
        HttpMessageHandler outer = record is null ? handler : new Recorder(record) { InnerHandler = handler };
        return new HttpClient(outer) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Reads the shared database directly, as an operator with sqlite3 would.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={DatabasePath};Pooling=False").Options;
        await using var db = new SqliteAppDbContext(options);
        return await query(db);
    }

    /// <summary>What an instance printed so far (for failure messages).</summary>
    public string OutputOf(string name)
    {
        lock (output)
        {
            return output.TryGetValue(name, out var text) ? text.ToString() : "";
        }
    }

    private async Task StartInstanceAsync(string name)
    {
        var port = FreePort();
        InstancePorts[name] = port;
        var web = Path.Combine(RepositoryRoot(), "src", "CivicPairing.Web", "bin", BuildConfiguration(), "net10.0", "CivicPairing.Web.dll");
        if (!File.Exists(web))
        {
            throw new InvalidOperationException($"{web} is not built; build the solution first.");
        }
        var start = new ProcessStartInfo("dotnet", [web, "--contentRoot", Path.Combine(RepositoryRoot(), "src", "CivicPairing.Web"), "--urls", $"http://127.0.0.1:{port}"])
        {
            // Not the content root: nothing the instance writes may depend on where it was started.
            WorkingDirectory = Directory,
            Environment =
            {
                // Not Development (HSTS and the production error pages), but with the demo city and its accounts.
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Demo__Enabled"] = "true",
                ["ConnectionStrings__Default"] = $"Data Source={DatabasePath}",
                ["Evidence__Root"] = EvidenceRoot,
                ["Logs__Path"] = LogPath(name),
                ["Instance__Name"] = name,
                ["Security__LoginAttemptsPerMinute"] = LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Serilog__MinimumLevel__Default"] = "Information",
                ["DOTNET_NOLOGO"] = "1",
            },
        };
        var process = Launch(name, start);
        using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        await WaitUntilAsync(name, process, async () => (await direct.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK);
    }

    private async Task StartNginxAsync()
    {
        (HttpsPort, HttpPort) = (FreePort(), FreePort());
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(HostName);
            request.CertificateExtensions.Add(names.Build());
            certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            await File.WriteAllTextAsync(Path.Combine(Directory, "cert.pem"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(Directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        var site = Substitute(await File.ReadAllTextAsync(TemplatePath), new()
        {
            ["server 127.0.0.1:5080;"] = $"server 127.0.0.1:{InstancePorts[InstanceA]};",
            ["server 127.0.0.1:5081;"] = $"server 127.0.0.1:{InstancePorts[InstanceB]};",
            ["listen 80;"] = $"listen 127.0.0.1:{HttpPort};",
            ["listen 443 ssl;"] = $"listen 127.0.0.1:{HttpsPort} ssl;",
            ["/etc/ssl/civicpairing/fullchain.pem"] = Path.Combine(Directory, "cert.pem"),
            ["/etc/ssl/civicpairing/privkey.pem"] = Path.Combine(Directory, "key.pem"),
        });
        await File.WriteAllTextAsync(Path.Combine(Directory, "civicpairing.conf"), site);
        // The main file a Debian host already has, cut to what this one nginx needs, every path inside the temp folder.
        var main = $$"""
            {{(Environment.IsPrivilegedProcess ? "user root;" : "")}}
            worker_processes 1;
            error_log {{Directory}}/nginx-error.log;
            events { worker_connections 256; }
            http {
                access_log {{Directory}}/nginx-access.log;
                client_body_temp_path {{Directory}}/nginx-body;
                proxy_temp_path {{Directory}}/nginx-proxy;
                fastcgi_temp_path {{Directory}}/nginx-fastcgi;
                uwsgi_temp_path {{Directory}}/nginx-uwsgi;
                scgi_temp_path {{Directory}}/nginx-scgi;
                include {{Directory}}/civicpairing.conf;
            }
            """;
        var conf = Path.Combine(Directory, "nginx.conf");
        await File.WriteAllTextAsync(conf, main);
        var process = Launch("nginx", new ProcessStartInfo(NginxPath,
            ["-p", Directory, "-c", conf, "-e", Path.Combine(Directory, "nginx-error.log"), "-g", $"daemon off; pid {Directory}/nginx.pid;"]));
        using var probe = CreateClient(cookies: false);
        await WaitUntilAsync("nginx", process, async () =>
        {
            try
            {
                return (await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        });
    }

    /// <summary>Replaces each text that must occur exactly once, so a changed template fails here rather than test something else.</summary>
    public static string Substitute(string template, Dictionary<string, string> replacements)
    {
        foreach (var (from, to) in replacements)
        {
            var count = (template.Length - template.Replace(from, "", StringComparison.Ordinal).Length) / from.Length;
            if (count != 1)
            {
                throw new InvalidOperationException($"deploy/nginx/civicpairing.conf holds '{from}' {count} times; the deployment test expects it once.");
            }
            template = template.Replace(from, to, StringComparison.Ordinal);
        }
        return template;
    }

    private Process Launch(string name, ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var text = new StringBuilder();
        lock (output)
        {
            output[name] = text;
        }
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    text.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
        return process;
    }

    /// <summary>Polls until <paramref name="ready"/> says yes; fails at once when the process has exited.</summary>
    private async Task WaitUntilAsync(string name, Process process, Func<Task<bool>> ready)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before it was ready:\n{OutputOf(name)}");
            }
            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"{name} was not ready after {StartTimeout.TotalSeconds} s:\n{OutputOf(name)}");
            }
            await Task.Delay(100); // the interval between two polls, not a wait for anything in particular
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(processes))
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            process.Dispose();
        }
        certificate?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean with the temp folder; never fail a test run over it.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Debug or Release: the configuration these tests were built in, which built the portal too.</summary>
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CivicPairing.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The tests run from inside the repository.");
    }

    /// <summary>One request through nginx and what came back: which instance answered, its cookies and HSTS.</summary>
    public sealed record Exchange(HttpMethod Method, string Path, HttpStatusCode Status, string? Instance, IReadOnlyList<string> SetCookies, string? Hsts);

    private sealed class Recorder(IList<Exchange> record) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            lock (record)
            {
                record.Add(new Exchange(request.Method, request.RequestUri!.PathAndQuery, response.StatusCode,
                    response.Headers.TryGetValues(global::CivicPairing.Web.Infrastructure.PortalSetup.InstanceHeader, out var instance) ? instance.Single() : null,
                    response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : [],
                    response.Headers.TryGetValues("Strict-Transport-Security", out var hsts) ? hsts.Single() : null));
            }
            return response;
        }
    }
}
