using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Features.Ranking;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>公示: the office puts a published report on public notice; anyone reads it without signing in, and it names no person.</summary>
public sealed partial class PublicNotice(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Reasons as another change may add them: quoting a rating comment, by a sentence of its own or through a text argument.</summary>
    private const string QuotingSentence = "The community wrote: \u201c{0}\u201d";

    private static Task<HttpResponseMessage> SetPublicAsync(PortalClient client, int periodId, int version, bool isPublic, string formPage) =>
        client.PostFormAsync(formPage, $"/Assessment/SetPublic/{periodId}",
            new Dictionary<string, string> { ["version"] = version.ToString(), ["isPublic"] = isPublic ? "true" : "false" });

    [Fact]
    public async Task AnyoneReadsTheRankingAndLaggardsOnPublicNoticeWithoutNamesOrComments()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var period = await factory.PublishYearAsync(office, 2026);
        var comments = await factory.QueryAsync(db => db.Activities.Where(a => a.RatingComment != null).Select(a => a.RatingComment!).Distinct().ToListAsync());
        Assert.Contains("只来了3人，半天就走了。", comments);

        // A snapshot holding reasons that quote a comment, as a later scoring change might publish them.
        await factory.QueryAsync(async db =>
        {
            var report = await db.PublishedReports.SingleAsync(r => r.PeriodId == period.Id);
            var rows = ReportSnapshot.Deserialize(report.ScoresJson).ToList();
            var first = rows.First(r => r.Rank == rows.Max(x => x.Rank));
            rows[rows.IndexOf(first)] = first with
            {
                Reasons = [.. first.Reasons, new SnapshotReason(QuotingSentence, [comments[0]]), new SnapshotReason("{0} task(s) overdue.", [comments[^1]])],
            };
            report.ScoresJson = System.Text.Json.JsonSerializer.Serialize(rows);
            return await db.SaveChangesAsync();
        });
        var stored = await factory.QueryAsync(db => db.PublishedReports.AsNoTracking().SingleAsync(r => r.PeriodId == period.Id));
        var page = new ReportPage(period, stored, CivicPairing.Domain.Scoring.ScoringRules.Default, ReportSnapshot.Deserialize(stored.ScoresJson), new ReportSummary(0, 0, 0, 0, 0, 0), [stored]);

        using var anonymous = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/Reports/{period.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/Reports/{period.Id}/Print")).StatusCode);
        Assert.DoesNotContain($"/Public/Reports/{period.Id}\"", await anonymous.GetPageAsync("/Public/Reports"), StringComparison.Ordinal);

        // A liaison cannot put the report on notice.
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        Assert.Equal(HttpStatusCode.Forbidden, (await SetPublicAsync(liaison, period.Id, 1, true, "/Assessment")).StatusCode);
        Assert.False(await factory.QueryAsync(db => db.PublishedReports.AnyAsync(r => r.IsPublic)));

        var made = await SetPublicAsync(office, period.Id, 1, true, $"/Assessment/Details/{period.Id}");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var details = await office.GetPageAsync(made.Headers.Location!.OriginalString);
        Assert.Contains("第1版已向社会公示。", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Public/Reports/{period.Id}\"", details, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PublishedReport" && a.UserName == "demo.office" && a.After!.Contains("\"IsPublic\":true"))));

        // Anonymous, in Chinese: the ranking, the commended units, the laggards and their reasons.
        var html = await anonymous.GetPageAsync($"/Public/Reports/{period.Id}");
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("2026年度考核排名报告", html, StringComparison.Ordinal);
        Assert.Contains("第1版", html, StringComparison.Ordinal);
        foreach (var row in page.Ranked)
        {
            Assert.Contains($"<td class=\"text-end\">{row.Rank}</td><td>{row.UnitName}</td><td class=\"text-end fw-semibold\">{row.Score}</td>", html, StringComparison.Ordinal);
        }
        Assert.NotEmpty(page.Laggards);
        var laggards = html[html.IndexOf("class=\"form-section h-100 laggards\"", StringComparison.Ordinal)..html.IndexOf("<table", StringComparison.Ordinal)];
        foreach (var row in page.Laggards)
        {
            Assert.Contains($"<strong>{row.UnitName}</strong>", laggards, StringComparison.Ordinal);
        }
        Assert.Contains("从未有经确认的活动。", laggards, StringComparison.Ordinal);
        // The people behind the pairing, as counts (issue 15). The demo's 2026: 高岗村's 高德顺, 高秀英 and 高小军 (lifted out in
        // October) and 金墩社区's 钱月娥; 李华, 王芳 and 赵强 accepted by 金墩社区 in June (孙丽 still waits).
        Assert.Contains("<div class=\"stat-value households-helped\">4</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"stat-value households-lifted\">1</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"stat-value members-reported\">3</div>", html, StringComparison.Ordinal);

        // Nothing personal: no person's name, no rating comment, no quoting reason, no publisher, no link into the portal.
        var units = await factory.QueryAsync(db => db.Units.Select(u => u.Name).ToListAsync());
        var communities = await factory.QueryAsync(db => db.Communities.Select(c => c.Name).ToListAsync());
        var people = await PeopleAsync();
        Assert.Contains("陈红", people);
        Assert.Contains("周建国", people);
        var print = await anonymous.GetPageAsync($"/Public/Reports/{period.Id}/Print");
        Assert.Contains("2026年度单位与社区结对共建考核排名公示", print, StringComparison.Ordinal);
        Assert.Contains("二、后进单位", print, StringComparison.Ordinal);
        Assert.Contains("帮扶困难户4户，其中已脱困1户；在职党员向居住社区报到3人。", print, StringComparison.Ordinal);
        Assert.Contains("从未有经确认的活动。", print, StringComparison.Ordinal);
        foreach (var (name, body) in new[] { ("page", html), ("print", print) })
        {
            foreach (var person in people.Where(p => !units.Concat(communities).Any(n => n.Contains(p, StringComparison.Ordinal))))
            {
                Assert.False(body.Contains(person, StringComparison.Ordinal), $"The public {name} names {person}.");
            }
            foreach (var comment in comments)
            {
                Assert.False(body.Contains(comment, StringComparison.Ordinal), $"The public {name} quotes the comment {comment}.");
            }
            Assert.DoesNotContain("The community wrote", body, StringComparison.Ordinal);
            Assert.DoesNotContain("demo.", body, StringComparison.Ordinal);
            var links = Regex.Matches(body, "(?:href|action)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.All(links, link => Assert.Matches("^(#main|/Public/Reports(/\\d+(/Print)?)?|/lib/.*|/css/.*|/Account/Language\\?returnUrl=.*)$", link));
        }
        Assert.Contains("只来了3人", await office.GetPageAsync($"/Assessment/Report/{period.Id}"), StringComparison.Ordinal); // the office still sees what was stored

        Assert.Contains($"href=\"/Public/Reports/{period.Id}\"", await anonymous.GetPageAsync("/Public/Reports"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Public/Reports/999999")).StatusCode);

        // A correction put on notice replaces the version at the same address; its free-text note stays inside the portal.
        await office.PostFormAsync($"/Assessment/Details/{period.Id}", $"/Assessment/Correct/{period.Id}", new Dictionary<string, string> { ["note"] = "陈红反映的活动已补录" });
        await SetPublicAsync(office, period.Id, 2, true, $"/Assessment/Details/{period.Id}");
        Assert.Equal([(2, true)], await factory.QueryAsync(db => db.PublishedReports.Where(r => r.PeriodId == period.Id && r.IsPublic).Select(r => new ValueTuple<int, bool>(r.VersionNumber, r.IsPublic)).ToListAsync()));
        var corrected = await anonymous.GetPageAsync($"/Public/Reports/{period.Id}");
        Assert.Contains("第2版", corrected, StringComparison.Ordinal);
        Assert.Contains("本版为更正版", corrected, StringComparison.Ordinal);
        Assert.DoesNotContain("陈红", corrected, StringComparison.Ordinal);

        // Withdrawn: 404 again, and gone from the index.
        var withdrawn = await SetPublicAsync(office, period.Id, 2, false, $"/Assessment/Details/{period.Id}");
        Assert.Contains("第2版已撤回公示。", await office.GetPageAsync(withdrawn.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/Reports/{period.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/Reports/{period.Id}/Print")).StatusCode);
        Assert.DoesNotContain($"/Public/Reports/{period.Id}\"", await anonymous.GetPageAsync("/Public/Reports"), StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PublishedReport" && a.After!.Contains("\"IsPublic\":false"))));
    }

    /// <summary>Every person the demo city names: leaders, responsible leaders, secretaries, the accounts' people, aid households' people and party members.</summary>
    private async Task<List<string>> PeopleAsync()
    {
        var leaders = await factory.QueryAsync(db => db.Units.Select(u => new[] { u.LeaderName, u.ResponsibleLeaderName }).ToListAsync());
        var secretaries = await factory.QueryAsync(db => db.Communities.Select(c => c.SecretaryName).ToListAsync());
        var accounts = await factory.QueryAsync(db => db.Users.Select(u => u.DisplayName).ToListAsync());
        // Issue 15's people: aid households' heads, their members and the party members responsible for them, and the
        // in-service party members (personal information under PIPL; public pages show counts at most).
        var households = await factory.QueryAsync(db => db.AidHouseholds.Select(h => new[] { h.HeadName, h.MemberNames, h.ResponsibleName }).ToListAsync());
        var members = await factory.QueryAsync(db => db.PartyMembers.Select(m => m.Name).ToListAsync());
        Assert.Contains("高德顺", households.Select(h => h[0]));
        Assert.Contains("李华", members);
        return [.. leaders.SelectMany(x => x).Concat(secretaries).Concat(accounts.Select(a => a.Split(' ')[^1]))
            .Concat(households.SelectMany(h => h).SelectMany(n => (n ?? "").Split('、', '，', ',')))
            .Concat(members)
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct()];
    }
}
