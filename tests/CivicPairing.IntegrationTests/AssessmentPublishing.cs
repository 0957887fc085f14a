using System.Net;
using CivicPairing.Domain.Scoring;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>An assessment period's rules, closing, publishing as an immutable snapshot, and corrections as new versions.</summary>
public sealed class AssessmentPublishing(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<AssessmentPeriod> PeriodAsync(int year) => factory.YearPeriodAsync(year);

    private static Task<HttpResponseMessage> StepAsync(PortalClient client, AssessmentPeriod period, string action, Dictionary<string, string>? fields = null) =>
        client.PeriodStepAsync(period, action, fields);

    [Fact]
    public async Task PublishesAClosedPeriodAsASnapshotThatLaterDataDoesNotChange()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await office.PostFormAsync("/Assessment", "/Assessment/Create", new Dictionary<string, string> { ["year"] = "2026" });
        var period = await PeriodAsync(2026);

        var early = await StepAsync(office, period, "Publish");
        Assert.Contains("只有已关闭的考核周期才能发布。", await office.GetPageAsync(early.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var badRules = await StepAsync(office, period, "Rules", new() { ["RegularityWeight"] = "10", ["EffortWeight"] = "15", ["TasksWeight"] = "20", ["SatisfactionWeight"] = "25", ["LeadershipWeight"] = "10", ["InspectionWeight"] = "10" });
        Assert.Contains("各项权重合计为 90，必须等于 100。", await office.GetPageAsync(badRules.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(ScoringRules.Default, (await PeriodAsync(2026)).Rules);

        await StepAsync(office, period, "Rules", new() { ["RegularityWeight"] = "30", ["EffortWeight"] = "15", ["TasksWeight"] = "10", ["SatisfactionWeight"] = "25", ["LeadershipWeight"] = "10", ["InspectionWeight"] = "10", ["PassFrom"] = "50", ["ExcellentFrom"] = "80" });
        period = await PeriodAsync(2026);
        Assert.Equal((30, 10, 50m), (period.Rules.RegularityWeight, period.Rules.TasksWeight, period.Rules.PassFrom));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "AssessmentPeriod" && a.After!.Contains("\"RegularityWeight\":30"))));

        await StepAsync(office, period, "Close");
        period = await PeriodAsync(2026);
        var frozen = await StepAsync(office, period, "Rules", new() { ["RegularityWeight"] = "20" });
        Assert.Contains("已关闭或已发布的考核周期不能修改规则。", await office.GetPageAsync(frozen.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var badCap = await StepAsync(office, period, "Publish", new() { ["laggardCap"] = "0" });
        Assert.Contains("公布的后进单位数须为1到1000的整数", await office.GetPageAsync(badCap.Headers.Location!.OriginalString), StringComparison.Ordinal);
        // The office caps the laggards named at the bottom 2 (units tied at the edge are named too).
        await StepAsync(office, period, "Publish", new() { ["laggardCap"] = "2" });
        var v1 = await factory.QueryAsync(db => db.PublishedReports.AsNoTracking().SingleAsync(r => r.PeriodId == period.Id));
        var report = await office.GetPageAsync($"/Assessment/Report/{period.Id}");
        Assert.Contains("2026年度考核排名报告", report, StringComparison.Ordinal);
        Assert.Contains("采用权重：经常性30", report, StringComparison.Ordinal);
        // The ranking first, then the commended and the laggards, named under the published rule and cap.
        Assert.True(report.IndexOf("ranking-table", StringComparison.Ordinal) < report.IndexOf("laggards\"", StringComparison.Ordinal));
        Assert.Contains("结对满3个结对月且考核不合格的单位，按得分从低到高排列。 最多公布得分最低的2个单位。", report, StringComparison.Ordinal);
        var confirmed2026 = await factory.QueryAsync(db => db.Activities.CountAsync(a => a.Status == CivicPairing.Domain.Activities.ActivityStatus.Confirmed
            && a.Date >= new DateOnly(2026, 1, 1) && a.Date <= new DateOnly(2026, 12, 31)));
        Assert.Contains($"/Activities?from=2026-01-01&amp;to=2026-12-31&amp;status=Confirmed\">{confirmed2026}</a></div><div class=\"stat-label\">次活动</div>", report, StringComparison.Ordinal);
        Assert.Contains("个社区和村中有", report, StringComparison.Ordinal);
        var justice = await factory.UnitIdAsync("市司法局");
        Assert.Contains($"/Assessment/Unit/{period.Id}?unitId={justice}&amp;version=1", report, StringComparison.Ordinal);
        var snapshot = ReportSnapshot.Deserialize(v1.ScoresJson);
        var justiceRow = snapshot.Single(r => r.UnitId == justice);

        // Drill-down: the unit's frozen figures, each linked to the records behind it.
        var breakdown = await office.GetPageAsync($"/Assessment/Unit/{period.Id}?unitId={justice}");
        Assert.Contains($"/Activities?unitId={justice}&amp;from=2026-01-01&amp;to=2026-12-31&amp;status=Confirmed", breakdown, StringComparison.Ordinal);
        Assert.Contains($"/Tasks?unitId={justice}", breakdown, StringComparison.Ordinal);
        Assert.Contains($"{justiceRow.Facts.ExpectedPairingMonths}个结对月中有{justiceRow.Facts.PairingMonthsWithActivity}个月有经确认的活动。", breakdown, StringComparison.Ordinal);
        Assert.Contains($"<div class=\"stat-value\">{justiceRow.Score}</div>", breakdown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/Assessment/Unit/{period.Id}?unitId=999999")).StatusCode);

        // Excel: the ranking, then one sheet per component with the figures that earned its points, then the penalties.
        var export = await office.GetAsync($"/Assessment/Export/{period.Id}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var sheets = XlsxReader.ReadAllSheets(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), 10_000);
        // Component sheets are titled with the base weight: a unit's effective weight (a column of its own) may be more.
        Assert.Equal(["考核排名", "经常性（基准30分）", "投入力度（基准15分）", "任务完成（基准10分）", "满意度（基准25分）", "一把手参与（基准10分）", "督查（基准10分）", "扣分"], sheets.Select(x => x.Name));
        Assert.All(sheets.Skip(1), x => Assert.Equal(snapshot.Count + 1, x.Rows.Count));
        // The ranking sheet opens with a title row naming the period, the version and the day of publication.
        Assert.Equal(snapshot.Count + 2, sheets[0].Rows.Count);
        var publishedOn = CivicPairing.Web.Infrastructure.Format.Local(v1.PublishedAt);
        Assert.StartsWith($"2026年度考核排名报告 · 第1版 · {publishedOn.Year}年{publishedOn.Month}月{publishedOn.Day}日发布", sheets[0].Rows[0][0], StringComparison.Ordinal);
        var ranking = sheets[0].Rows.Skip(1).ToList();
        Assert.Equal(["名次", "单位", "类别", "得分", "等级"], ranking[0].Take(5));
        foreach (var sheet in sheets.Skip(1).Take(6))
        {
            Assert.Equal(["实际分值", "得分"], sheet.Rows[0].TakeLast(2));
            // Points never exceed the weight shown beside them.
            Assert.All(sheet.Rows.Skip(1).Where(r => decimal.TryParse(r[^1], System.Globalization.CultureInfo.InvariantCulture, out _)),
                r => Assert.True(decimal.Parse(r[^1], System.Globalization.CultureInfo.InvariantCulture) <= decimal.Parse(r[^2], System.Globalization.CultureInfo.InvariantCulture), $"{sheet.Name}: {string.Join(",", r)}"));
        }
        // Penalties keep their sign.
        Assert.All(sheets[^1].Rows.Skip(1), r => Assert.True(decimal.Parse(r[^1], System.Globalization.CultureInfo.InvariantCulture) <= 0));
        var excelJustice = ranking.Single(r => r[1] == "市司法局");
        Assert.Equal(justiceRow.Rank?.ToString(), excelJustice[0]);
        Assert.Equal(justiceRow.Score, decimal.Parse(excelJustice[3], System.Globalization.CultureInfo.InvariantCulture));
        var never = snapshot.First(r => r.Rank is not null && r.Reasons.Any(x => x.Text == "No confirmed activity at all."));
        Assert.Contains("从未有经确认的活动。", ranking.Single(r => r[1] == never.UnitName)[^1], StringComparison.Ordinal);
        var regularity = sheets[1].Rows.Single(r => r[1] == "市司法局");
        Assert.Equal([justiceRow.Facts.ActivePairings.ToString(), justiceRow.Facts.MonthsInPeriod.ToString(), (justiceRow.Facts.ExpectedPairingMonths).ToString(), justiceRow.Facts.PairingMonthsWithActivity.ToString()], regularity.Skip(2).Take(4));
        Assert.Equal(snapshot.Where(r => r.Rank is not null).Select(r => r.UnitName), ranking.Skip(1).Take(snapshot.Count(r => r.Rank is not null)).Select(r => r[1]));

        var print = System.Text.RegularExpressions.Regex.Replace(await office.GetPageAsync($"/Assessment/Print/{period.Id}"), "<[^>]+>", "");
        foreach (var expected in new[] { "2026年度单位与社区结对共建考核排名", "考核期间：2026年1月1日至2026年12月31日", "一、考核排名", "二、表彰单位（优秀）", "市司法局（", "三、后进单位", "从未有经确认的活动。", "最多公布得分最低的2个单位。", "市委文明办" })
        {
            Assert.Contains(expected, print, StringComparison.Ordinal);
        }

        // New confirmed work after publishing changes the live ranking, never the published report.
        await factory.QueryAsync(async db =>
        {
            var visit = await db.Activities.SingleAsync(a => a.Title == "金融知识和防范非法集资咨询");
            visit.Confirm(5, null, "demo.secretary", factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        Assert.Equal(v1.ScoresJson, await factory.QueryAsync(db => db.PublishedReports.Where(r => r.Id == v1.Id).Select(r => r.ScoresJson).SingleAsync()));

        var correction = await office.PostFormAsync($"/Assessment/Details/{period.Id}", $"/Assessment/Correct/{period.Id}", new Dictionary<string, string> { ["note"] = "补录市农行11月已确认的咨询活动" });
        Assert.Equal(HttpStatusCode.Redirect, correction.StatusCode);
        var v2 = await factory.QueryAsync(db => db.PublishedReports.AsNoTracking().SingleAsync(r => r.PeriodId == period.Id && r.VersionNumber == 2));
        Assert.Equal(2, System.Text.Json.JsonSerializer.Deserialize<ReportSummary>(v2.SummaryJson)!.LaggardCap);
        Assert.NotEqual(v1.ScoresJson, v2.ScoresJson);
        Assert.Contains("补录市农行11月已确认的咨询活动", await office.GetPageAsync($"/Assessment/Report/{period.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("补录市农行", await office.GetPageAsync($"/Assessment/Report/{period.Id}?version=1"), StringComparison.Ordinal);

        // Everyone reads published reports; only the office manages periods.
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        Assert.Contains("2026年度考核排名报告", await liaison.GetPageAsync($"/Assessment/Report/{period.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync($"/Assessment/Details/{period.Id}")).StatusCode);
    }

    [Fact]
    public async Task HidesPeriodsNotYetPublishedFromTheUnitsAndCommunities()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await office.PostFormAsync("/Assessment", "/Assessment/Create", new Dictionary<string, string> { ["year"] = "2025", ["quarter"] = "4" });
        var period = await factory.QueryAsync(db => db.AssessmentPeriods.AsNoTracking().SingleAsync(p => p.Year == 2025 && p.Quarter == 4));
        Assert.Contains("2025年第4季度", await office.GetPageAsync("/Assessment"), StringComparison.Ordinal);

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        Assert.DoesNotContain("2025年第4季度", await secretary.GetPageAsync("/Assessment"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Assessment/Report/{period.Id}")).StatusCode);

        var duplicate = await office.PostFormAsync("/Assessment", "/Assessment/Create", new Dictionary<string, string> { ["year"] = "2025", ["quarter"] = "4" });
        Assert.Contains("该考核周期已存在。", await office.GetPageAsync(duplicate.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }
}
