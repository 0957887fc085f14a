using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// The office corrects a pairing's dates through the real pipeline: the liaison can then log what happened before the
/// old start; a correction that would leave a confirmed activity outside the dates is refused beside the field; the
/// two sides may not; a stale form conflicts; the audit log and the history say what changed and why.
/// </summary>
public sealed partial class PairingDateCorrectionWorkflow(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Reason = "协议书载明2月1日起结对，登记时填错";

    private static Task<HttpResponseMessage> CorrectAsync(PortalClient client, Pairing pairing, string start, string? end = null, string reason = Reason, Guid? version = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["StartDate"] = start, ["EndDate"] = end ?? "", ["Reason"] = reason, ["Version"] = (version ?? pairing.Version).ToString(),
        };
        return client.PostFormAsync($"/Pairings/Details/{pairing.Id}", $"/Pairings/CorrectDates/{pairing.Id}", fields);
    }

    private async Task<HttpResponseMessage> LogAsync(PortalClient liaison, Pairing pairing, string date, string title)
    {
        var page = await liaison.GetPageAsync($"/Activities/Log?pairingId={pairing.Id}");
        return await liaison.PostFormAsync($"/Activities/Log?pairingId={pairing.Id}", "/Activities/Log", new Dictionary<string, string>
        {
            ["PairingId"] = pairing.Id.ToString(), ["SubmissionKey"] = SubmissionKey().Match(page).Groups[1].Value,
            ["Date"] = date, ["Category"] = "Visits", ["Title"] = title, ["PeopleSent"] = "6", ["PersonHours"] = "12",
            ["LeaderTookPart"] = "false", ["Funds"] = "0", ["PeopleServed"] = "20",
        });
    }

    [Fact]
    public async Task OfficeCorrectsTheStartDateAndTheLiaisonThenLogsWhatCameBeforeTheOldStart()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        Assert.Equal(new DateOnly(2026, 3, 1), pairing.StartDate);

        var early = await LogAsync(liaison, pairing, "2026-02-14", "春节前走访慰问困难户");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("活动日期早于结对开始日期（2026年3月1日）", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains($"/Pairings/CorrectDates/{pairing.Id}", await office.GetPageAsync($"/Pairings/Details/{pairing.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("/Pairings/CorrectDates/", await liaison.GetPageAsync($"/Pairings/Details/{pairing.Id}"), StringComparison.Ordinal);
        var form = await office.GetPageAsync($"/Pairings/CorrectDates/{pairing.Id}");
        Assert.Contains("<label class=\"form-label required\" for=\"StartDate\">开始日期<span class=\"required-mark\"", form, StringComparison.Ordinal);
        Assert.Contains("<label class=\"form-label required\" for=\"Reason\">更正理由<span class=\"required-mark\"", form, StringComparison.Ordinal);

        var corrected = await CorrectAsync(office, pairing, "2026-02-01");

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var after = await factory.PairingAsync("市财政局", "金墩社区");
        Assert.Equal((new DateOnly(2026, 2, 1), PairingStatus.Active), (after.StartDate, after.Status));
        var step = after.Events.OrderBy(e => e.Id).Last();
        Assert.Equal((PairingStatus.Active, PairingStatus.Active, "demo.office"), (step.From!.Value, step.To, step.Actor));
        var details = await office.GetPageAsync(corrected.Headers.Location!.OriginalString);
        Assert.Contains("结对日期已更正。", details, StringComparison.Ordinal);
        Assert.Contains($"开始日期由2026年3月1日更正为2026年2月1日：{Reason}", details, StringComparison.Ordinal);

        var logged = await LogAsync(liaison, pairing, "2026-02-14", "春节前走访慰问困难户");
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Activities.AnyAsync(a => a.PairingId == pairing.Id && a.Date == new DateOnly(2026, 2, 14))));

        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Pairing" && a.EntityId == pairing.Id.ToString()).OrderBy(a => a.Id).LastAsync());
        Assert.Equal(("demo.office", $"更正结对日期：{Reason}"), (audit.UserName, audit.Note));
        Assert.Contains("2026-03-01", audit.Before, StringComparison.Ordinal);
        Assert.Contains("2026-02-01", audit.After, StringComparison.Ordinal);
        var log = await office.GetPageAsync($"/Audit?entity=Pairing&entityId={pairing.Id}");
        Assert.Contains($"更正结对日期：{Reason}", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesACorrectionThatWouldLeaveAConfirmedActivityBeforeTheStartBesideTheFieldAndChangesNothing()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var pairing = await factory.PairingAsync("市水务局", "金墩社区");
        var confirmed = await factory.QueryAsync(db => db.Activities
            .Where(a => a.PairingId == pairing.Id && a.Status == ActivityStatus.Confirmed && a.Date < new DateOnly(2026, 10, 1)).Select(a => a.Date).ToListAsync());
        Assert.NotEmpty(confirmed);
        var audits = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Pairing"));

        var response = await CorrectAsync(office, pairing, "2026-10-01", reason: "按协议书更正");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal($"有{confirmed.Count}项已确认的活动（最早一项在{confirmed.Min():yyyy年M月d日}）将早于新的开始日期。", PortalClient.FieldError(html, "StartDate"));
        Assert.Contains("value=\"2026-10-01\"", html, StringComparison.Ordinal);
        Assert.Contains(">按协议书更正</textarea>", html, StringComparison.Ordinal);
        var unchanged = await factory.PairingAsync("市水务局", "金墩社区");
        Assert.Equal((pairing.StartDate, pairing.Version, pairing.Events.Count), (unchanged.StartDate, unchanged.Version, unchanged.Events.Count));
        Assert.Equal(audits, await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Pairing")));
    }

    [Fact]
    public async Task RefusesAnEndDateOnAPairingInForceAndAMissingReasonBesideTheirFields()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var pairing = await factory.PairingAsync("市农行", "金墩社区");

        var end = await CorrectAsync(office, pairing, "2026-02-01", end: "2026-10-31");
        Assert.Contains("只有已解除的结对才有结束日期", PortalClient.FieldError(await end.Content.ReadAsStringAsync(), "EndDate"), StringComparison.Ordinal);
        var reason = await CorrectAsync(office, pairing, "2026-02-01", reason: " ");
        Assert.Equal("请填写理由。", PortalClient.FieldError(await reason.Content.ReadAsStringAsync(), "Reason"));

        Assert.Equal(pairing.StartDate, (await factory.PairingAsync("市农行", "金墩社区")).StartDate);
    }

    [Fact]
    public async Task CorrectsTheEndDateOfAnEndedPairing()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var pairing = await factory.PairingAsync("市审计局", "金墩社区");
        await office.PostFormAsync($"/Pairings/Details/{pairing.Id}", $"/Pairings/End/{pairing.Id}", new Dictionary<string, string>
        {
            ["EndDate"] = "2026-11-20", ["Reason"] = "审计局职能调整", ["OverrideReason"] = "审计局职能调整", ["Version"] = pairing.Version.ToString(),
        });
        var ended = await factory.PairingAsync("市审计局", "金墩社区");
        Assert.Equal(PairingStatus.Ended, ended.Status);
        Assert.Contains("更正开始或结束日期", await office.GetPageAsync($"/Pairings/Details/{pairing.Id}"), StringComparison.Ordinal);

        var response = await CorrectAsync(office, ended, "2026-03-01", end: "2026-10-31", reason: "实际于10月底停止共建");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var corrected = await factory.PairingAsync("市审计局", "金墩社区");
        Assert.Equal((PairingStatus.Ended, (DateOnly?)new DateOnly(2026, 10, 31)), (corrected.Status, corrected.EndDate));
        Assert.Contains("结束日期由2026年11月20日更正为2026年10月31日：实际于10月底停止共建", await office.GetPageAsync($"/Pairings/Details/{pairing.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleFormShowsAConflictAndOverwritesNothing()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var pairing = await factory.PairingAsync("市住建局", "金墩社区");
        Assert.Equal(HttpStatusCode.Redirect, (await CorrectAsync(office, pairing, "2026-02-15", reason: "第一次更正")).StatusCode);

        var stale = await CorrectAsync(office, pairing, "2026-02-20", reason: "同时打开的旧表单", version: pairing.Version);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("在此期间他人修改了此结对", html, StringComparison.Ordinal);
        Assert.Contains("2026年2月15日", html, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 2, 15), (await factory.PairingAsync("市住建局", "金墩社区")).StartDate);
    }

    [Theory]
    [InlineData("demo.liaison")]
    [InlineData("demo.secretary")]
    public async Task TheTwoSidesAreForbidden(string user)
    {
        using var client = await PortalClient.SignedInAsync(factory, user);
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Pairings/CorrectDates/{pairing.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CorrectAsync(client, pairing, "2025-12-01")).StatusCode);
        Assert.Equal(pairing.StartDate, (await factory.PairingAsync("市财政局", "金墩社区")).StartDate);
    }

    [Fact]
    public async Task AnUnknownPairingIsNotFound()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/Pairings/CorrectDates/999999")).StatusCode);
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
