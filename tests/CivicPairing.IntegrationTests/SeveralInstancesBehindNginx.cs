using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Scoring;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Evidence;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// Issue 13, proven: nginx with TLS in front of two portal processes on one SQLite file and one evidence folder,
/// round-robin (<see cref="NginxDeployment"/>). Every response names the instance that answered (Instance:Name), so the
/// tests see the requests alternate and check that what one instance issued the other accepts: the anti-forgery token
/// of a form, the sign-in cookie, a photo uploaded through the other. Over https every cookie is Secure and HSTS is
/// sent; the sign-in limit counts the browser's address that nginx forwards, not nginx's.
/// </summary>
public sealed partial class SeveralInstancesBehindNginx(NginxDeployment deployment) : IClassFixture<NginxDeployment>
{
    private static readonly byte[] Photo = TestImages.Jpeg(800, 600);

    [SkippableFact]
    public async Task AWholeJourneyAlternatesBetweenTheInstancesOverHttps()
    {
        NginxDeployment.RequirePrerequisites();
        var record = new List<NginxDeployment.Exchange>();
        var today = new CityClock(TimeProvider.System).Today;
        var title = $"经代理记录的活动 {Guid.NewGuid():N}"[..20];

        // The liaison signs in: the login form comes from one instance, its token and the cookie are checked by the other.
        using var liaison = new PortalClient(deployment.CreateClient(record));
        Assert.Equal(HttpStatusCode.Redirect, (await liaison.LoginAsync("demo.liaison")).StatusCode);
        Assert.Equal((HttpMethod.Get, "/Account/Login"), (record[^2].Method, record[^2].Path));
        Assert.NotEqual(record[^2].Instance, record[^1].Instance);
        Assert.Contains(record[^1].SetCookies, c => c.StartsWith("cp.auth=", StringComparison.Ordinal));

        // … and logs an activity with a photo; the form page and the post are served by different instances.
        var logPage = await liaison.GetPageAsync("/Activities/Log");
        var pairing = await deployment.QueryAsync(db => db.Pairings
            .Where(p => p.Unit!.Name == "市财政局" && p.Community!.Name == "金墩社区").OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        var logged = await liaison.PostMultipartAsync("/Activities/Log", "/Activities/Log", new Dictionary<string, string>
        {
            ["PairingId"] = pairing.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SubmissionKey"] = SubmissionKey().Match(logPage).Groups[1].Value,
            ["Date"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Category"] = "EnvironmentalCleanup",
            ["Title"] = title, ["Description"] = "经 nginx 提交", ["PeopleSent"] = "12", ["PersonHours"] = "36",
            ["LeaderTookPart"] = "true", ["Funds"] = "0", ["PeopleServed"] = "100",
        }, ("files", "现场.jpg", Photo));
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var uploadedBy = record[^1].Instance;
        var activity = await deployment.QueryAsync(db => db.Activities.AsNoTracking().Include(a => a.Evidence).SingleAsync(a => a.Title == title));
        var evidence = Assert.Single(activity.Evidence);

        // The photo stored by one instance is served by the other (and by itself), byte for byte.
        var servedBy = new HashSet<string?>();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Photo, await liaison.Http.GetByteArrayAsync($"/Evidence/{evidence.Id}"));
            servedBy.Add(record[^1].Instance);
        }
        Assert.Contains(servedBy, instance => instance != uploadedBy);

        // The secretary confirms it.
        using var secretary = new PortalClient(deployment.CreateClient(record));
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.LoginAsync("demo.secretary")).StatusCode);
        var confirm = await secretary.PostFormAsync($"/Activities/Details/{activity.Id}", $"/Activities/Confirm/{activity.Id}",
            new Dictionary<string, string> { ["rating"] = "5", ["comment"] = "经代理确认", ["version"] = activity.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(ActivityStatus.Confirmed, await deployment.QueryAsync(db => db.Activities.Where(a => a.Id == activity.Id).Select(a => a.Status).SingleAsync()));

        // The office publishes this year's assessment period: create, close, publish, read the report.
        using var office = new PortalClient(deployment.CreateClient(record));
        Assert.Equal(HttpStatusCode.Redirect, (await office.LoginAsync("demo.office")).StatusCode);
        var year = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await office.PostFormAsync("/Assessment", "/Assessment/Create", new Dictionary<string, string> { ["year"] = year });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var period = await deployment.QueryAsync(db => db.AssessmentPeriods.AsNoTracking().SingleAsync(p => p.Year == today.Year && p.Quarter == null));
        foreach (var step in new[] { "Close", "Publish" })
        {
            var version = await deployment.QueryAsync(db => db.AssessmentPeriods.Where(p => p.Id == period.Id).Select(p => p.Version).SingleAsync());
            var answer = await office.PostFormAsync($"/Assessment/Details/{period.Id}", $"/Assessment/{step}/{period.Id}",
                new Dictionary<string, string> { ["version"] = version.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }
        Assert.Equal(PeriodStatus.Published, await deployment.QueryAsync(db => db.AssessmentPeriods.Where(p => p.Id == period.Id).Select(p => p.Status).SingleAsync()));
        Assert.Contains($"{year}年度考核排名报告", await office.GetPageAsync($"/Assessment/Report/{period.Id}"), StringComparison.Ordinal);

        // Round-robin: every request went to the other instance than the one before it, so every form above was
        // served by one instance and posted to the other, and every signed-in page was read with a cookie the other
        // instance issued. Both instances answered, and only these two.
        var instances = record.Select(r => r.Instance).ToList();
        Assert.Equal([NginxDeployment.InstanceA, NginxDeployment.InstanceB], instances.Distinct().Order());
        var repeats = record.Zip(record.Skip(1)).Where(p => p.First.Instance == p.Second.Instance).Select(p => $"{p.First.Path} then {p.Second.Path} on {p.First.Instance}").ToList();
        Assert.True(repeats.Count == 0, "nginx sent two requests in a row to one instance: " + string.Join("; ", repeats));
        Assert.DoesNotContain(record, r => (int)r.Status >= 400);

        // Over https: every cookie of every response is Secure and every response carries HSTS.
        var cookies = record.SelectMany(r => r.SetCookies).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(record, r => Assert.Contains("max-age=", r.Hsts ?? "(none)", StringComparison.Ordinal));

        // One data-protection key, in the shared database: both instances sealed and opened cookies with it.
        Assert.Equal(1, await deployment.QueryAsync(db => db.DataProtectionKeys.CountAsync()));
        // One evidence folder, the configured one: the photo is there.
        Assert.Single(Directory.EnumerateFiles(deployment.EvidenceRoot, evidence.StoredName, SearchOption.AllDirectories));
        // Each instance logged to its own configured file, naming itself.
        foreach (var instance in new[] { NginxDeployment.InstanceA, NginxDeployment.InstanceB })
        {
            var log = Directory.GetFiles(Path.GetDirectoryName(deployment.LogPath(instance))!, $"instance-{instance}-*.log").Single();
            Assert.Contains($"\"Instance\":\"{instance}\"", ReadShared(log), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task TheSignInLimitCountsTheBrowsersAddressNotNginxs()
    {
        NginxDeployment.RequirePrerequisites();
        // A guesser on 127.0.0.2 fails until both instances refuse it (each counts for itself, LoginAttemptsPerMinute each).
        // A sign-in is two requests (the form, the post), so round-robin sends every post to the same instance; one
        // extra request from someone else moves the guesser's posts to the other.
        using var someoneElse = deployment.CreateClient(cookies: false);
        var refusedBy = new HashSet<string?>();
        for (var attempt = 0; attempt < 4 * NginxDeployment.LoginAttemptsPerMinute && refusedBy.Count < 2; attempt++)
        {
            var record = new List<NginxDeployment.Exchange>();
            using var client = new PortalClient(deployment.CreateClient(record, "127.0.0.2"));
            var response = await client.LoginAsync($"nobody.{attempt}", "Wrong@Guess2026");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusedBy.Add(record[^1].Instance);
                await someoneElse.GetAsync("/healthz");
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        Assert.Equal(2, refusedBy.Count);

        // nginx connects to both instances from 127.0.0.1: were that the address counted, everyone would now be refused.
        // A colleague on 127.0.0.3 is not, on either instance, and signs in.
        var answeredBy = new HashSet<string?>();
        for (var i = 0; i < 2; i++)
        {
            var record = new List<NginxDeployment.Exchange>();
            using var colleague = new PortalClient(deployment.CreateClient(record, "127.0.0.3"));
            Assert.Equal(HttpStatusCode.OK, (await colleague.LoginAsync($"nobody.else.{i}", "Wrong@Guess2026")).StatusCode);
            answeredBy.Add(record[^1].Instance);
            await someoneElse.GetAsync("/healthz");
        }
        Assert.Equal(2, answeredBy.Count);
        using var office = new PortalClient(deployment.CreateClient(record: null, clientAddress: "127.0.0.3"));
        Assert.Equal(HttpStatusCode.Redirect, (await office.LoginAsync("demo.office")).StatusCode);
    }

    [SkippableFact]
    public async Task PlainHttpIsSentToHttps()
    {
        NginxDeployment.RequirePrerequisites();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{deployment.HttpPort}/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login?x=1");
        request.Headers.Host = NginxDeployment.HostName;
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"https://{NginxDeployment.HostName}/Account/Login?x=1", response.Headers.Location!.OriginalString);
    }

    /// <summary>The documentation shows the very file the test runs, and nginx takes what the portal takes.</summary>
    [Fact]
    public void TheDocumentedNginxConfigurationIsTheTestedOneAndTakesTheLargestReport()
    {
        var template = File.ReadAllText(NginxDeployment.TemplatePath).ReplaceLineEndings("\n");
        var docs = File.ReadAllText(Path.Combine(NginxDeployment.RepositoryRoot(), "docs", "operations.md")).ReplaceLineEndings("\n");
        Assert.Contains("```nginx\n" + template + "```", docs, StringComparison.Ordinal);

        var megabytes = int.Parse(Regex.Match(template, @"client_max_body_size (\d+)m;").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024, megabytes * 1024L * 1024);
    }

    /// <summary>The instance still has its log open; read it the way tail would.</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
