using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Inspections;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// Every event a person must act on or should know reaches them: in the bell, by e-mail (a real SMTP server on a loopback
/// port) and through the street's group robot (a loopback HTTP endpoint). A failing channel never blocks the action; the
/// scheduled work runs once across instances.
/// </summary>
public sealed partial class NotificationDelivery(NotificationsFactory factory) : IClassFixture<NotificationsFactory>
{
    private const string SecretaryMail = "secretary@example.test";
    private const string LiaisonMail = "liaison@example.test";
    private const string OfficeMail = "office@example.test";
    private const string RobotName = "jindun";

    private static readonly SemaphoreSlim SetUpOnce = new(1, 1);

    /// <summary>The demo accounts get addresses; the office adds a robot for 金墩社区's street through its page.</summary>
    private async Task SetUpAsync()
    {
        await SetUpOnce.WaitAsync();
        try
        {
            if (await factory.QueryAsync(db => db.WebhookTargets.AnyAsync()))
            {
                return;
            }
            await factory.QueryAsync(async db =>
            {
                foreach (var (user, mail) in new[] { ("demo.secretary", SecretaryMail), ("demo.liaison", LiaisonMail), ("demo.office", OfficeMail) })
                {
                    await db.Users.Where(u => u.UserName == user).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, mail));
                }
                return 0;
            });
            var street = await factory.QueryAsync(db => db.Communities.Where(c => c.Name == "金墩社区").Select(c => c.Street).SingleAsync());
            using var office = await PortalClient.SignedInAsync(factory, "demo.office");
            var added = await office.PostFormAsync("/Webhooks", "/Webhooks/Create", new Dictionary<string, string>
            {
                ["Name"] = "金墩街道工作群", ["Kind"] = "WeChatWork", ["Url"] = $"{factory.Robot.BaseUrl}/robot/{RobotName}", ["Street"] = street, ["UnitId"] = "",
            });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        finally
        {
            SetUpOnce.Release();
        }
    }

    private async Task<CycleResult> CycleAsync(string? holder = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationWork>().RunCycleAsync(holder);
    }

    private Task<string> UserIdAsync(string userName) => factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private Task<List<Notification>> NoticesAsync(string userName, NotificationKind kind, string recordType, int recordId) =>
        factory.QueryAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == kind && n.RecordType == recordType && n.RecordId == recordId && db.Users.Any(u => u.Id == n.RecipientId && u.UserName == userName))
            .ToListAsync());

    private IEnumerable<string> RobotTexts() =>
        factory.Robot.To(RobotName).Select(p => JsonDocument.Parse(p.Body).RootElement)
            .Where(j => j.GetProperty("msgtype").GetString() == "text")
            .Select(j => j.GetProperty("text").GetProperty("content").GetString()!);

    private async Task<(int Id, Guid Version)> LogActivityAsync(PortalClient liaison, string title)
    {
        var page = await liaison.GetPageAsync("/Activities/Log");
        var form = new Dictionary<string, string>
        {
            ["PairingId"] = (await factory.PairingAsync("市财政局", "金墩社区")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SubmissionKey"] = SubmissionKey().Match(page).Groups[1].Value,
            ["Date"] = factory.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Category"] = "EnvironmentalCleanup", ["Title"] = title, ["Description"] = "清理楼道杂物", ["PeopleSent"] = "5", ["PersonHours"] = "10",
            ["LeaderTookPart"] = "false", ["Funds"] = "0", ["PeopleServed"] = "30",
        };
        var logged = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", form);
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        return await factory.QueryAsync(db => db.Activities.Where(a => a.Title == title).Select(a => new ValueTuple<int, Guid>(a.Id, a.Version)).SingleAsync());
    }

    [Fact]
    public async Task ALoggedActivityReachesTheSecretaryInTheBellByEmailAndThroughTheStreetRobot()
    {
        await SetUpAsync();
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var (id, _) = await LogActivityAsync(liaison, "通知测试：清扫金墩新村");

        var notice = Assert.Single(await NoticesAsync("demo.secretary", NotificationKind.ActivityToConfirm, "Activity", id));
        Assert.Equal($"/Activities/Details/{id}", notice.Link);
        Assert.Null(notice.ReadAt);
        Assert.Empty(await NoticesAsync("demo.liaison", NotificationKind.ActivityToConfirm, "Activity", id));

        var secretaryId = await UserIdAsync("demo.secretary");
        var unread = await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == secretaryId && n.ReadAt == null));
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        Assert.Contains($"{unread} 条未读通知", await secretary.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Contains("通知测试：清扫金墩新村", await secretary.GetPageAsync("/Notifications"), StringComparison.Ordinal);

        var cycle = await CycleAsync();
        Assert.True(cycle.HeldLease);
        var mail = Assert.Single(factory.Mail.To(SecretaryMail), m => (m.Subject ?? "").Contains("通知测试：清扫金墩新村", StringComparison.Ordinal));
        Assert.Contains("待确认的活动", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example.test/Activities/Details/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(RobotTexts(), t => t.StartsWith("待确认的活动：", StringComparison.Ordinal) && t.Contains("通知测试：清扫金墩新村", StringComparison.Ordinal));
        Assert.True(await factory.QueryAsync(db => db.NotificationDeliveries.Where(d => d.NotificationId == notice.Id).AllAsync(d => d.DeliveredAt != null)));
    }

    [Fact]
    public async Task ADisputeReachesTheLiaison()
    {
        await SetUpAsync();
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var (id, version) = await LogActivityAsync(liaison, "通知测试：有异议的活动");
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var disputed = await secretary.PostFormAsync($"/Activities/Details/{id}", $"/Activities/Dispute/{id}",
            new Dictionary<string, string> { ["reason"] = "人数不符", ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, disputed.StatusCode);

        Assert.Single(await NoticesAsync("demo.liaison", NotificationKind.ActivityDisputed, "Activity", id));
        // The secretary decided: the request to confirm is handled, so it no longer counts as unread.
        Assert.NotNull(Assert.Single(await NoticesAsync("demo.secretary", NotificationKind.ActivityToConfirm, "Activity", id)).ReadAt);
        await CycleAsync();
        Assert.Contains(factory.Mail.To(LiaisonMail), m => (m.Subject ?? "").Contains("活动被提出异议", StringComparison.Ordinal) && (m.Subject ?? "").Contains("通知测试：有异议的活动", StringComparison.Ordinal));
    }

    /// <summary>Each workflow's change, saved as the portal saves it, tells the people who act next, by e-mail and by robot.</summary>
    [Theory]
    [InlineData("agreement signed by the unit", NotificationKind.AgreementToSign, "demo.secretary", SecretaryMail)]
    [InlineData("agreement signed by both", NotificationKind.AgreementToFile, "demo.office", OfficeMail)]
    [InlineData("task reported done", NotificationKind.TaskToConfirm, "demo.secretary", SecretaryMail)]
    [InlineData("task returned", NotificationKind.TaskReturned, "demo.liaison", LiaisonMail)]
    [InlineData("need published", NotificationKind.NeedToTake, "demo.liaison", LiaisonMail)]
    [InlineData("need posted", NotificationKind.NeedToReview, "demo.office", OfficeMail)]
    [InlineData("pairing proposed", NotificationKind.PairingToDecide, "demo.office", OfficeMail)]
    [InlineData("inspection with a rectification deadline", NotificationKind.RectificationDue, "demo.liaison", LiaisonMail)]
    [InlineData("ranking published", NotificationKind.ReportPublished, "demo.liaison", LiaisonMail)]
    public async Task EveryEventTellsThePeopleWhoActNext(string change, NotificationKind kind, string userName, string address)
    {
        await SetUpAsync();
        var (type, id) = await factory.QueryAsync<(string, int)>(async db =>
        {
            var pairing = await db.Pairings.Include(p => p.Unit).Include(p => p.Community).SingleAsync(p => p.Unit!.Name == "市财政局" && p.Community!.Name == "金墩社区" && p.Status == PairingStatus.Active);
            var agreement = await db.Agreements.Where(a => a.PairingId == pairing.Id).OrderBy(a => a.Id).FirstAsync();
            var task = await db.AgreementTasks.Where(t => t.AgreementId == agreement.Id).OrderBy(t => t.Id).FirstAsync();
            switch (change)
            {
                case "agreement signed by the unit":
                    agreement.Status = AgreementStatus.SignedByUnit;
                    break;
                case "agreement signed by both":
                    agreement.Status = AgreementStatus.SignedByBoth;
                    break;
                case "task reported done":
                    task.Status = AgreementTaskStatus.ReportedDone;
                    break;
                case "task returned":
                    task.Status = AgreementTaskStatus.ReportedDone;
                    await db.SaveChangesAsync();
                    task.Status = AgreementTaskStatus.Open;
                    break;
                case "need published" or "need posted":
                {
                    var need = new Need
                    {
                        CommunityId = pairing.CommunityId, Title = $"通知测试：{change}", Category = ActivityCategory.EnvironmentalCleanup,
                        WantedBy = factory.Today.AddDays(30), PostedAt = factory.Clock.GetUtcNow(), PostedBy = "demo.secretary",
                        Status = change == "need posted" ? NeedStatus.Submitted : NeedStatus.Published,
                    };
                    db.Needs.Add(need);
                    await db.SaveChangesAsync();
                    return ("Need", need.Id);
                }
                case "pairing proposed":
                {
                    var unit = await db.Units.SingleAsync(u => u.Name == "市财政局");
                    var community = await db.Communities.Where(c => c.Street == pairing.Community!.Street && c.Id != pairing.CommunityId
                        && !db.Pairings.Any(p => p.UnitId == unit.Id && p.CommunityId == c.Id)).OrderBy(c => c.Id).FirstAsync();
                    var proposal = Pairing.Propose(unit, community, PairingProposer.Unit, factory.Today.AddDays(7), "通知测试", false, "demo.liaison", factory.Clock.GetUtcNow());
                    db.Pairings.Add(proposal);
                    await db.SaveChangesAsync();
                    return ("Pairing", proposal.Id);
                }
                case "inspection with a rectification deadline":
                {
                    var inspection = new Inspection
                    {
                        PairingId = pairing.Id, Date = factory.Today, Inspector = "督查组", Score = 70,
                        RectificationDeadline = factory.Today.AddDays(14), CreatedAt = factory.Clock.GetUtcNow(),
                    };
                    db.Inspections.Add(inspection);
                    await db.SaveChangesAsync();
                    return ("Inspection", inspection.Id);
                }
                case "ranking published":
                {
                    var period = new Domain.Scoring.AssessmentPeriod { Year = 2019, CreatedAt = factory.Clock.GetUtcNow() };
                    db.AssessmentPeriods.Add(period);
                    await db.SaveChangesAsync();
                    var report = new Domain.Scoring.PublishedReport
                    {
                        PeriodId = period.Id, VersionNumber = 1, PublishedAt = factory.Clock.GetUtcNow(), PublishedBy = "demo.office", RulesJson = "{}", ScoresJson = "[]",
                    };
                    db.PublishedReports.Add(report);
                    await db.SaveChangesAsync();
                    return ("PublishedReport", report.Id);
                }
            }
            await db.SaveChangesAsync();
            return change.StartsWith("agreement", StringComparison.Ordinal) ? ("Agreement", agreement.Id) : ("AgreementTask", task.Id);
        });

        var notice = Assert.Single(await NoticesAsync(userName, kind, type, id));
        await CycleAsync();
        var kindText = await KindTextAsync(kind);
        Assert.Contains(factory.Mail.To(address), m => (m.Subject ?? "").Contains(kindText + "：" + notice.Subject, StringComparison.Ordinal));
        if (kind != NotificationKind.ReportPublished)
        {
            // The record belongs to 金墩社区's street (or 市财政局, whose pairing is there): the street's robot hears of it.
            Assert.Contains(RobotTexts(), t => t.StartsWith(kindText + "：" + notice.Subject, StringComparison.Ordinal));
        }
    }

    private async Task<string> KindTextAsync(NotificationKind kind)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var l = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Web.SharedResource>>();
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            return Web.Infrastructure.EnumText.Text(l, kind);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task AClosedMailServerLeavesTheActionDoneRecordsTheFailureAndTheRetryDelivers()
    {
        await SetUpAsync();
        factory.Mail.Stop();
        try
        {
            using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
            var (id, _) = await LogActivityAsync(liaison, "通知测试：邮件服务器关闭时");
            var notice = Assert.Single(await NoticesAsync("demo.secretary", NotificationKind.ActivityToConfirm, "Activity", id));

            var first = await CycleAsync();
            Assert.True(first.Failed >= 1);
            var failed = await factory.QueryAsync(db => db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.NotificationId == notice.Id && d.Channel == DeliveryChannel.Email));
            Assert.Equal((1, (DateTimeOffset?)null), (failed.Attempts, failed.DeliveredAt));
            Assert.False(string.IsNullOrEmpty(failed.LastError));
            Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(1), failed.NextAttemptAt);
            // The robot is a channel of its own: it heard of the activity all the same.
            Assert.Contains(RobotTexts(), t => t.Contains("通知测试：邮件服务器关闭时", StringComparison.Ordinal));

            factory.Mail.Start();
            await CycleAsync();
            Assert.DoesNotContain(factory.Mail.To(SecretaryMail), m => (m.Subject ?? "").Contains("通知测试：邮件服务器关闭时", StringComparison.Ordinal));

            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await CycleAsync();
            Assert.Single(factory.Mail.To(SecretaryMail), m => (m.Subject ?? "").Contains("通知测试：邮件服务器关闭时", StringComparison.Ordinal));
            var delivered = await factory.QueryAsync(db => db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.Id == failed.Id));
            Assert.Equal(2, delivered.Attempts);
            Assert.NotNull(delivered.DeliveredAt);
        }
        finally
        {
            factory.Mail.Start();
        }
    }

    [Fact]
    public async Task TwoInstancesRacingSendTheDailyDigestOnce()
    {
        await SetUpAsync();
        var secretaryId = await UserIdAsync("demo.secretary");
        await factory.QueryAsync(async db =>
        {
            if (!await db.NotificationPreferences.AnyAsync(p => p.UserId == secretaryId))
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = secretaryId, Email = true, DailyDigest = true });
                await db.SaveChangesAsync();
            }
            // A fresh day for the digest, and a lease nobody holds.
            return await db.JobLeases.ExecuteUpdateAsync(l => l.SetProperty(x => x.LastDigestOn, (DateOnly?)null).SetProperty(x => x.Holder, (string?)null));
        });
        var unread = await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == secretaryId && n.ReadAt == null));
        Assert.True(unread > 0);
        var digestsBefore = await factory.QueryAsync(db => db.NotificationDeliveries.CountAsync(d => d.IsDigest && d.Target == SecretaryMail));

        var results = await Task.WhenAll(CycleAsync("instance-a"), CycleAsync("instance-b"));

        Assert.Single(results, r => r.HeldLease);
        Assert.Equal(digestsBefore + 1, await factory.QueryAsync(db => db.NotificationDeliveries.CountAsync(d => d.IsDigest && d.Target == SecretaryMail)));
        var digest = Assert.Single(factory.Mail.To(SecretaryMail), m => (m.Subject ?? "").Contains("每日摘要", StringComparison.Ordinal));
        Assert.Contains($"每日摘要：{unread} 条未读", digest.Subject, StringComparison.Ordinal);

        // The notifications page previews the same digest: its subject and every line of the e-mail's text.
        using (var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary"))
        {
            var page = System.Net.WebUtility.HtmlDecode(await secretary.GetPageAsync("/Notifications"));
            Assert.Contains("每日摘要预览", page, StringComparison.Ordinal);
            Assert.Contains(digest.Subject!, page, StringComparison.Ordinal);
            var lines = digest.TextBody!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Length >= 3, digest.TextBody);
            Assert.All(lines, line => Assert.Contains(line, page, StringComparison.Ordinal));
        }

        // The lease runs out and the other instance takes over: still one digest that day.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var later = await CycleAsync("instance-b");
        Assert.True(later.HeldLease);
        Assert.Equal(0, later.DigestsQueued);
        Assert.Single(factory.Mail.To(SecretaryMail), m => (m.Subject ?? "").Contains("每日摘要", StringComparison.Ordinal));
        await factory.QueryAsync(db => db.JobLeases.ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, (string?)null)));
    }

    [Fact]
    public async Task ItemsWaitingLongerThanSevenDaysGoToTheOfficeOnce()
    {
        await SetUpAsync();
        var cutoff = factory.Clock.GetUtcNow().AddDays(-7);
        var waiting = await factory.QueryAsync(db => db.Activities.Where(a => a.Status == ActivityStatus.Submitted).Select(a => new { a.Id, a.SubmittedAt }).ToListAsync());
        var old = waiting.Where(a => a.SubmittedAt < cutoff).Select(a => a.Id).ToList();
        Assert.True(old.Count >= 2, "The demo has activities waiting 31 days.");

        await CycleAsync();
        await CycleAsync();

        foreach (var activityId in old)
        {
            Assert.Single(await NoticesAsync("demo.office", NotificationKind.Escalation, "Activity", activityId));
        }
        Assert.Contains(factory.Mail.To(OfficeMail), m => (m.Subject ?? "").Contains("超期未办", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpeningANoticeReadsItAndMarkAllReadEmptiesTheBell()
    {
        await SetUpAsync();
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        await LogActivityAsync(liaison, "通知测试：打开即已读");
        var secretaryId = await UserIdAsync("demo.secretary");
        var notice = await factory.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.RecipientId == secretaryId && n.ReadAt == null).OrderByDescending(n => n.Id).FirstAsync());
        var unread = await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == secretaryId && n.ReadAt == null));

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var opened = await secretary.GetAsync($"/Notifications/Open/{notice.Id}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(notice.Link, opened.Headers.Location!.OriginalString);
        Assert.Contains($"{unread - 1} 条未读通知", await secretary.GetPageAsync("/Notifications"), StringComparison.Ordinal);

        var all = await secretary.PostFormAsync("/Notifications", "/Notifications/ReadAll", []);
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == secretaryId && n.ReadAt == null)));
        Assert.Contains("没有未读通知", await secretary.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyOpensAnotherPersonsNotice()
    {
        await SetUpAsync();
        var secretaryId = await UserIdAsync("demo.secretary");
        var theirs = await factory.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.RecipientId == secretaryId).OrderBy(n => n.Id).FirstAsync());
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");

        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Notifications/Open/{theirs.Id}")).StatusCode);
        Assert.DoesNotContain(theirs.Subject, await liaison.GetPageAsync("/Notifications"), StringComparison.Ordinal);
        Assert.Equal(theirs.ReadAt, await factory.QueryAsync(db => db.Notifications.Where(n => n.Id == theirs.Id).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task ARobotAddressMustBeHttpsAndADingTalkRobotIsSigned()
    {
        await SetUpAsync();
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var before = await factory.QueryAsync(db => db.WebhookTargets.CountAsync());
        var refused = await office.PostFormAsync("/Webhooks", "/Webhooks/Create", new Dictionary<string, string>
        {
            ["Name"] = "明文地址", ["Kind"] = "DingTalk", ["Url"] = "http://example.com/robot", ["UnitId"] = (await factory.UnitIdAsync("市财政局")).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("请填写群设置中显示的机器人 https:// 地址。", PortalClient.FieldError(await refused.Content.ReadAsStringAsync(), "Url"));
        Assert.Equal(before, await factory.QueryAsync(db => db.WebhookTargets.CountAsync()));

        const string secret = "SECtest-secret";
        var added = await office.PostFormAsync("/Webhooks", "/Webhooks/Create", new Dictionary<string, string>
        {
            ["Name"] = "市财政局钉钉群", ["Kind"] = "DingTalk", ["Url"] = $"{factory.Robot.BaseUrl}/robot/dingtalk", ["Secret"] = secret, ["Keyword"] = "结对",
            ["UnitId"] = (await factory.UnitIdAsync("市财政局")).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await factory.QueryAsync(db => db.WebhookTargets.Where(t => t.Name == "市财政局钉钉群").Select(t => t.Id).SingleAsync());
        var tested = await office.PostFormAsync("/Webhooks", $"/Webhooks/Test/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, tested.StatusCode);

        var post = Assert.Single(factory.Robot.To("dingtalk"));
        var timestamp = post.Query["timestamp"].ToString();
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
        Assert.Equal(expected, post.Query["sign"].ToString());
        var content = JsonDocument.Parse(post.Body).RootElement.GetProperty("text").GetProperty("content").GetString()!;
        Assert.StartsWith("结对", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachPersonGivesTheirOwnAddressAndABadOneIsRefusedBesideTheField()
    {
        await SetUpAsync();
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var refused = await liaison.PostFormAsync("/Notifications", "/Notifications/Preferences",
            new Dictionary<string, string> { ["address"] = "张敏 at 财政局", ["email"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("请填写电子邮箱，例如 name@example.gov.cn。", PortalClient.FieldError(await refused.Content.ReadAsStringAsync(), "address"));
        Assert.Equal(LiaisonMail, await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "demo.liaison").Select(u => u.Email).SingleAsync()));

        var saved = await liaison.PostFormAsync("/Notifications", "/Notifications/Preferences",
            new Dictionary<string, string> { ["address"] = "zhangmin@example.test", ["email"] = "true", ["dailyDigest"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var liaisonId = await UserIdAsync("demo.liaison");
        Assert.Equal(("zhangmin@example.test", true, true), await factory.QueryAsync(async db => (
            await db.Users.Where(u => u.Id == liaisonId).Select(u => u.Email).SingleAsync(),
            await db.NotificationPreferences.Where(p => p.UserId == liaisonId).Select(p => p.Email).SingleAsync(),
            await db.NotificationPreferences.Where(p => p.UserId == liaisonId).Select(p => p.DailyDigest).SingleAsync())));
        // Still signed in: the address is set without touching the session's stamp.
        Assert.Contains("zhangmin@example.test", await liaison.GetPageAsync("/Notifications"), StringComparison.Ordinal);

        // Back as it was, for the other tests.
        var restored = await liaison.PostFormAsync("/Notifications", "/Notifications/Preferences",
            new Dictionary<string, string> { ["address"] = LiaisonMail, ["email"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
