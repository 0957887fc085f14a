using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// Check-then-write under load: ten browsers sending the same thing at the same moment make one record, and none of
/// them sees an error page. The check and the write share the database's write lock, so this holds across instances.
/// </summary>
public sealed partial class ConcurrentSubmissions(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int Clients = 10;

    private static async Task<PortalClient[]> SignInAsync(PortalFactory factory, string user) =>
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => PortalClient.SignedInAsync(factory, user)));

    [Theory]
    [InlineData(1, "2026-11-18")]
    [InlineData(2, "2026-11-19")]
    [InlineData(3, "2026-11-20")]
    public async Task TenNearDuplicatesSentAtOnceMakeOneActivity(int round, string date)
    {
        var liaisons = await SignInAsync(factory, "demo.liaison");
        var pairingId = (await factory.PairingAsync("市财政局", "金墩社区")).Id.ToString();
        var title = $"第{round}轮：周末清理金墩新村楼道";
        // Each browser has its own form, so each submit carries its own idempotency key: only the near-duplicate check can stop the copies.
        var forms = await Task.WhenAll(liaisons.Select(async (liaison, i) =>
        {
            var page = await liaison.GetPageAsync("/Activities/Log");
            var fields = new Dictionary<string, string>
            {
                ["PairingId"] = pairingId, ["SubmissionKey"] = SubmissionKey().Match(page).Groups[1].Value, ["Date"] = date,
                ["Category"] = "EnvironmentalCleanup", ["Title"] = i % 2 == 0 ? title : title + "。", ["Description"] = "清理楼道杂物",
                ["PeopleSent"] = "12", ["PersonHours"] = "36", ["LeaderTookPart"] = "true", ["Funds"] = "0", ["PeopleServed"] = "200",
            };
            return (liaison, fields, token: PortalClient.TokenFrom(page));
        }));

        var responses = await Task.WhenAll(forms.Select(f => f.liaison.PostWithTokenAsync("/Activities/Log", f.fields, f.token)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)r.StatusCode} {r.ReasonPhrase}"));
        Assert.Equal(1, await factory.QueryAsync(db => db.Activities.CountAsync(a => a.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) && a.Title.StartsWith($"第{round}轮"))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            Assert.Contains("疑似重复填报", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        DisposeAll(liaisons);
    }

    [Fact]
    public async Task TheSameSubmissionSentTenTimesAtOnceMakesOneActivityAndShowsItToEveryone()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var page = await liaison.GetPageAsync("/Activities/Log");
        var fields = new Dictionary<string, string>
        {
            ["PairingId"] = (await factory.PairingAsync("市财政局", "金墩社区")).Id.ToString(), ["SubmissionKey"] = SubmissionKey().Match(page).Groups[1].Value,
            ["Date"] = "2026-11-21", ["Category"] = "Consultation", ["Title"] = "连点十次：法律咨询进社区", ["Description"] = "现场解答",
            ["PeopleSent"] = "4", ["PersonHours"] = "8", ["LeaderTookPart"] = "false", ["Funds"] = "0", ["PeopleServed"] = "30",
        };
        var token = PortalClient.TokenFrom(page);

        var responses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => liaison.PostWithTokenAsync("/Activities/Log", fields, token)));

        var id = await factory.QueryAsync(db => db.Activities.Where(a => a.Title == "连点十次：法律咨询进社区").Select(a => a.Id).SingleAsync());
        Assert.All(responses, r => Assert.Equal((HttpStatusCode.Redirect, $"/Activities/Details/{id}"), (r.StatusCode, r.Headers.Location?.OriginalString)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task TenConfirmationsOfOneImportAtOnceImportItOnceAndShowNoErrorPage(int round)
    {
        var clerks = await SignInAsync(factory, "demo.office");
        var name = $"市并发测试{"甲乙丙"[round - 1]}局";
        var preview = await clerks[0].PostFileAsync("/Units/Import", "/Units/Import", "units.csv", Encoding.UTF8.GetBytes($"单位名称,类别,职工人数,党员人数\r\n{name},党政机关,40,12\r\n"));
        var html = await preview.Content.ReadAsStringAsync();
        var pendingId = PendingId().Match(html).Groups[1].Value;
        Assert.True(pendingId.Length > 0, html);
        var tokens = await Task.WhenAll(clerks.Select(async c => PortalClient.TokenFrom(await c.GetPageAsync("/Units/Import"))));

        var responses = await Task.WhenAll(clerks.Select((c, i) => c.PostWithTokenAsync("/Units/ConfirmImport", [KeyValuePair.Create("id", pendingId)], tokens[i])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.QueryAsync(db => db.Units.CountAsync(u => u.Name == name)));
        Assert.Single(responses, r => r.Headers.Location!.OriginalString == "/Units");
        var refused = responses.First(r => r.Headers.Location!.OriginalString != "/Units");
        var clerk = clerks[Array.IndexOf(responses, refused)];
        Assert.Contains("此导入预览已过期或已导入，请重新上传文件。", await clerk.GetPageAsync(refused.Headers.Location!.OriginalString), StringComparison.Ordinal);
        DisposeAll(clerks);
    }

    [Fact]
    public async Task AWriteTransactionHoldsTheSqliteWriteLockFromItsStart()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var otherWriterGotIn = true;

        await db.InWriteTransactionAsync("test", async ct =>
        {
            // Nothing written yet, only a read: a plain (deferred) BEGIN would not hold the lock at this point.
            await db.Units.CountAsync(ct);
            await using var other = new SqliteConnection($"Data Source={factory.DatabasePath};Default Timeout=1");
            await other.OpenAsync(ct);
            await using (var noWait = other.CreateCommand())
            {
                noWait.CommandText = "PRAGMA busy_timeout=0;";
                await noWait.ExecuteNonQueryAsync(ct);
            }
            await using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            try
            {
                await begin.ExecuteNonQueryAsync(ct);
                begin.CommandText = "ROLLBACK;";
                await begin.ExecuteNonQueryAsync(ct);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 5) // SQLITE_BUSY
            {
                otherWriterGotIn = false;
            }
            return 0;
        }, CancellationToken.None);

        Assert.False(otherWriterGotIn);
    }

    private static void DisposeAll(IEnumerable<PortalClient> clients)
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex PendingId();
}
