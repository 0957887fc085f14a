using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Funding;
using CivicPairing.Domain.Inspections;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Domain.Scoring;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// One database for <see cref="PageCommandCounts"/>: the demo city plus a small batch of extra rows, every page of
/// the theory requested and its SQL commands counted; then a batch ten times larger, added once for all the cases.
/// </summary>
public sealed class PageCommandCountsFixture : IAsyncLifetime
{
    public const string SmallBatch = "A", LargeBatch = "B";
    public const int SmallCount = 1, LargeCount = 30;

    /// <summary>A community every weakness and industry of which the new units answer, in a street they serve: they lead its suggestions.</summary>
    public const string TargetCommunity = "加测目标社区";

    public CountingPortalFactory Factory { get; } = new();

    private readonly Dictionary<string, PortalClient> _clients = [];
    private readonly Dictionary<string, string> _placeholders = [];

    /// <summary>Each case's page on the small batch: the commands it sent and the HTML (or why it could not be read).</summary>
    public Dictionary<string, Measurement> Before { get; } = [];

    public sealed record Measurement(IReadOnlyList<string> Commands, string Html);

    public static string Key(string role, string url) => role + " " + url;

    public async Task InitializeAsync()
    {
        foreach (var (role, userName) in new[] { ("admin", "demo.admin"), ("office", "demo.office"), ("liaison", "demo.liaison"), ("secretary", "demo.secretary") })
        {
            _clients[role] = await PortalClient.SignedInAsync(Factory, userName);
        }
        _placeholders["{unit}"] = (await Factory.UnitIdAsync("市财政局")).ToString(CultureInfo.InvariantCulture);
        _placeholders["{community}"] = (await Factory.CommunityIdAsync("金墩社区")).ToString(CultureInfo.InvariantCulture);

        await AddRowsAsync(SmallBatch, SmallCount);
        _placeholders["{target}"] = (await Factory.CommunityIdAsync(TargetCommunity)).ToString(CultureInfo.InvariantCulture);
        foreach (var (role, url, _) in PageCommandCounts.Pages)
        {
            try
            {
                await MeasureAsync(role, url); // warm-up: the first request of a page may fill caches
                Before[Key(role, url)] = await MeasureAsync(role, url);
            }
            catch (InvalidOperationException e)
            {
                Before[Key(role, url)] = new Measurement([], "FAILED: " + e.Message);
            }
        }
        await AddRowsAsync(LargeBatch, LargeCount);
    }

    public async Task<Measurement> MeasureAsync(string role, string url)
    {
        var resolved = _placeholders.Aggregate(url, (u, p) => u.Replace(p.Key, p.Value, StringComparison.Ordinal));
        var start = Factory.Commands.Count;
        var html = await _clients[role].GetPageAsync(resolved);
        return new Measurement(Factory.Commands.TextsSince(start), html);
    }

    /// <summary>
    /// Rows every list and home page shows, named 加测… so the pages can be searched for them: units, communities and
    /// villages (with the streets 加测街道0–2), pairings of each kind — of new units and new communities, of the liaison's
    /// 市财政局 and of the secretary's 金墩社区, proposed, idle — each with a filed agreement whose tasks are overdue,
    /// reported and confirmed, activities confirmed (rated), waiting and disputed, and an inspection; checklist items,
    /// published assessment periods, accounts; and the audit entries all of these leave.
    /// </summary>
    private async Task AddRowsAsync(string batch, int count)
    {
        var today = Factory.Today;
        var now = Factory.Clock.GetUtcNow();
        var (unitIds, communityIds) = await Factory.QueryAsync<(List<int>, List<int>)>(async db =>
        {
            var finance = await db.Units.SingleAsync(u => u.Name == "市财政局");
            var jindun = await db.Communities.SingleAsync(c => c.Name == "金墩社区");
            var shangzhuang = await db.Communities.SingleAsync(c => c.Name == "尚庄村");
            var xiyan = await db.Communities.SingleAsync(c => c.Name == "西焉村");
            var units = Enumerable.Range(0, count).Select(i => new Unit
            {
                Name = $"加测单位{batch}{i:00}", Kind = UnitKind.GovernmentOrgan, CivilizedLevel = CivilizedLevel.City, LeaderName = "加测负责人",
                ResponsibleLeaderName = "加测分管", StaffCount = 200, PartyMemberCount = 50, CreatedAt = now,
                Strengths = Enum.GetValues<Strengths>().Aggregate((all, s) => all | s),
            }).ToList();
            var communities = Enumerable.Range(0, count).Select(i => new Community
            {
                Name = $"加测社区{batch}{i:00}", Kind = i % 2 == 0 ? CommunityKind.UrbanCommunity : CommunityKind.Village, Street = $"加测街道{i % 3}",
                SecretaryName = "加测书记", Households = 500, Population = 1500, PartyMemberCount = 40, CreatedAt = now,
            }).ToList();
            db.Units.AddRange(units);
            db.Communities.AddRange(communities);
            if (batch == SmallBatch)
            {
                db.Communities.Add(new Community
                {
                    Name = TargetCommunity, Kind = CommunityKind.Village, Street = "加测街道0", Households = 300, Population = 900, CreatedAt = now,
                    Weaknesses = Enum.GetValues<Weaknesses>().Aggregate((all, w) => all | w), Industries = Enum.GetValues<Industries>().Aggregate((all, i) => all | i),
                });
            }

            var inForce = new List<(Pairing Pairing, string Kind, int Index)>();
            for (var i = 0; i < count; i++)
            {
                inForce.Add((NewPairing(units[i], communities[i], PairingStatus.Active), "P", i));
                inForce.Add((NewPairing(finance, communities[i], PairingStatus.Active), "L", i));
                inForce.Add((NewPairing(units[i], jindun, PairingStatus.Active), "S", i));
                NewPairing(units[i], shangzhuang, PairingStatus.Proposed);
                NewPairing(units[i], xiyan, PairingStatus.Active); // idle: no activity at all
            }
            foreach (var (pairing, kind, i) in inForce)
            {
                AddAgreement(pairing, $"加测{batch}{kind}{i:00}", expiresSoon: i % 2 == 0);
                AddActivities(pairing, $"加测活动{batch}{kind}{i:00}", i);
                db.Inspections.Add(new Inspection
                {
                    Pairing = pairing, Date = today.AddDays(-7), Inspector = "加测督查员", Score = 70 + i % 30, CreatedAt = now,
                    Findings = [new("协议任务按期推进", FindingResult.Pass, null), new("每月至少走访一次", FindingResult.Fail, "加测：走访不足")],
                    RectificationDeadline = today.AddDays(20),
                });
            }
            var checklistOrder = await db.ChecklistItems.MaxAsync(c => (int?)c.SortOrder) ?? 0;
            db.ChecklistItems.AddRange(Enumerable.Range(0, count).Select(i => new ChecklistItem { Text = $"加测检查项{batch}{i:00}", SortOrder = checklistOrder + 1 + i }));

            // Published quarters of 2001–2010, away from any year the other pages compute.
            var firstPeriod = batch == SmallBatch ? 0 : SmallCount;
            for (var n = firstPeriod; n < firstPeriod + count; n++)
            {
                var period = new AssessmentPeriod { Year = 2001 + n / 4, Quarter = n % 4 + 1, Status = PeriodStatus.Published, CreatedAt = now };
                db.AssessmentPeriods.Add(period);
                await db.SaveChangesAsync();
                db.PublishedReports.Add(new PublishedReport
                {
                    PeriodId = period.Id, VersionNumber = 1, PublishedAt = now, PublishedBy = "demo.office",
                    RulesJson = JsonSerializer.Serialize(ScoringRules.Default), ScoresJson = "[]",
                });
            }
            await db.SaveChangesAsync();

            // Needs: open ones of the new communities (finance, so the liaison's list and home page show them), the
            // secretary's under review, and the liaison's taken ones, half of them overdue; funding requests of 金墩社区.
            for (var i = 0; i < count; i++)
            {
                var open = Need.Post(communities[i].Id, $"加测需求{batch}{i:00}", ActivityCategory.Training, null, null, today.AddDays(30), Strengths.Finance, 1000m, today, "demo.secretary", now);
                open.Publish("demo.office", now);
                var review = Need.Post(jindun.Id, $"加测需求{batch}J{i:00}", ActivityCategory.Infrastructure, null, null, today.AddDays(10), Strengths.Infrastructure, null, today, "demo.secretary", now);
                var taken = Need.Post(communities[i].Id, $"加测需求{batch}T{i:00}", ActivityCategory.Training, null, null, today.AddDays(i % 2 == 0 ? -3 : 3), Strengths.Finance, null, today.AddDays(-10), "demo.secretary", now);
                taken.Publish("demo.office", now);
                taken.Take(finance.Id, mayTake: true, "demo.liaison", now);
                db.Needs.AddRange(open, review, taken);
                var request = FundingRequest.Ask(jindun.Id, null, $"加测资金{batch}{i:00}", "加测用途", [("加测预算", 1000m)], "demo.secretary", now);
                request.Pledge(finance.Id, 500m, "demo.liaison", now);
                db.FundingRequests.Add(request);
            }
            await db.SaveChangesAsync();
            return (units.Select(u => u.Id).ToList(), communities.Select(c => c.Id).ToList());

            Pairing NewPairing(Unit unit, Community community, PairingStatus status)
            {
                var pairing = new Pairing
                {
                    Unit = unit, Community = community, Status = status, ProposedBy = status == PairingStatus.Proposed ? PairingProposer.Unit : PairingProposer.Office,
                    StartDate = today.AddDays(-200), CreatedAt = now,
                };
                pairing.Events.Add(new PairingEvent { At = now, Actor = "demo.office", To = status });
                db.Pairings.Add(pairing);
                return pairing;
            }

            void AddAgreement(Pairing pairing, string number, bool expiresSoon)
            {
                var agreement = new Agreement
                {
                    Pairing = pairing, Number = number, Title = $"{number}结对共建协议书", FocusAreas = FocusAreas.Economy | FocusAreas.Environment,
                    StartDate = today.AddDays(-200), EndDate = today.AddDays(expiresSoon ? 20 : 300), VisitsPerMonth = 1, CoordinationMeetingsPerQuarter = 1,
                    JointMeetingsPerHalfYear = 1, Status = AgreementStatus.Filed, UnitSignatory = "加测负责人", UnitSignedOn = today.AddDays(-195),
                    CommunitySignatory = "加测书记", CommunitySignedOn = today.AddDays(-194), FiledOn = today.AddDays(-190), FiledBy = "demo.office", CreatedAt = now,
                };
                agreement.Tasks.Add(new AgreementTask { Number = 1, Title = $"{number}任务（逾期）", DueDate = today.AddDays(-10) });
                agreement.Tasks.Add(new AgreementTask
                {
                    Number = 2, Title = $"{number}任务（待确认）", DueDate = today.AddDays(10), Status = AgreementTaskStatus.ReportedDone,
                    ReportNote = "已完成", ReportedAt = now.AddDays(-2), ReportedBy = "demo.liaison",
                });
                agreement.Tasks.Add(new AgreementTask
                {
                    Number = 3, Title = $"{number}任务（已确认）", DueDate = today.AddDays(-30), Status = AgreementTaskStatus.Confirmed,
                    ReportNote = "已完成", ReportedAt = now.AddDays(-40), ReportedBy = "demo.liaison", ConfirmedAt = now.AddDays(-35), ConfirmedBy = "demo.secretary",
                });
                db.Agreements.Add(agreement);
            }

            void AddActivities(Pairing pairing, string title, int i)
            {
                Activity New(int daysAgo, ActivityCategory category, string suffix, ActivityStatus status) => new()
                {
                    Pairing = pairing, Date = today.AddDays(-daysAgo), Category = category, Title = title + suffix, PeopleSent = 5 + i, PersonHours = 20,
                    LeaderTookPart = i % 2 == 0, Funds = i % 3 == 0 ? 1000 : 0, PeopleServed = 30, Status = status,
                    SubmittedAt = now.AddDays(-10), SubmittedBy = "demo.liaison", SubmissionKey = Guid.NewGuid(),
                };
                var visit = New(1 + i % 20, ActivityCategory.Visits, "走访", ActivityStatus.Confirmed);
                (visit.Rating, visit.RatingComment, visit.DecidedAt, visit.DecidedBy) = (4, "加测：很好", now.AddDays(-1), "demo.secretary");
                var meeting = New(40, ActivityCategory.JointMeeting, "联席会议", ActivityStatus.Confirmed);
                (meeting.Rating, meeting.DecidedAt, meeting.DecidedBy, meeting.Attendees) = (5, now.AddDays(-30), "demo.secretary", "双方负责人");
                var waiting = New(12, ActivityCategory.Other, "待确认", ActivityStatus.Submitted);
                var disputed = New(3, ActivityCategory.Visits, "有异议", ActivityStatus.Disputed);
                (disputed.DisputeReason, disputed.DecidedAt, disputed.DecidedBy) = ("加测：人数不符", now.AddDays(-1), "demo.secretary");
                db.Activities.AddRange(visit, meeting, waiting, disputed);
            }
        });

        // Accounts, half liaisons of the new units and half secretaries of the new communities.
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        for (var i = 0; i < count; i++)
        {
            var liaison = i % 2 == 0;
            var user = new AppUser
            {
                UserName = $"jiace.{batch.ToLowerInvariant()}{i:00}", DisplayName = $"加测账号{batch}{i:00}", CreatedAt = now,
                UnitId = liaison ? unitIds[i] : null, CommunityId = liaison ? null : communityIds[i],
            };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, liaison ? Roles.UnitLiaison : Roles.CommunitySecretary));
        }

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// quality.md: no N+1 queries. Every list and home page, for each role that reaches it, sends as many SQL commands on
/// the demo city with a few extra rows as with ten times more — and shows the extra rows, so a query per row would count.
/// </summary>
public sealed partial class PageCommandCounts(PageCommandCountsFixture fixture, ITestOutputHelper output) : IClassFixture<PageCommandCountsFixture>
{
    /// <summary>The page shows more table rows: a query run once a row would run more often.</summary>
    private const string Rows = "rows";

    /// <summary>The number in a list's title badge (for pages full with the small batch already).</summary>
    private const string Total = "re:badge text-bg-secondary align-middle fs-6\">([\\d,]+)<";

    /// <summary>
    /// (role, url, proof): the proof shows the large batch reached the page — more table rows (<see cref="Rows"/>),
    /// a text that occurs more often, or ("re:") a pattern whose first number grows. Each list has cases whose page
    /// holds few rows with the small batch and a full page with the large one, so a query per row would count. {unit} is the liaison's 市财政局, {community} the secretary's 金墩社区,
    /// {target} the <see cref="PageCommandCountsFixture.TargetCommunity"/>.
    /// </summary>
    public static readonly (string Role, string Url, string Proof)[] Pages =
    [
        // Home pages.
        ("office", "/", "re:data-figure=\"active-pairings\">([\\d,]+)<"),
        ("office", "/?street=加测街道0", "re:data-figure=\"active-pairings\">([\\d,]+)<"),
        ("office", "/?year=2025&quarter=4", "re:data-figure=\"active-pairings\">([\\d,]+)<"),
        ("admin", "/", "re:data-figure=\"active-pairings\">([\\d,]+)<"),
        ("liaison", "/", "加测社区"),
        ("secretary", "/", "加测单位"),

        // Registry.
        ("office", "/Units", Total),
        ("office", "/Units?q=加测", Rows),
        ("office", "/Units?sort=kind&desc=true", Total),
        ("office", "/Communities", Total),
        ("office", "/Communities?q=加测", Rows),
        ("office", "/Communities?paired=true", Total),
        ("office", "/Communities?street=加测街道0", Rows),
        ("office", "/Coverage", Rows),
        ("office", "/Coverage?street=加测街道0", Rows),
        ("office", "/Pairings/Suggestions?communityId={community}", "加测单位"),
        ("office", "/Pairings/Suggestions?communityId={target}", "加测单位"),

        // Pairings.
        ("office", "/Pairings", Total),
        ("office", "/Pairings?q=加测", Rows),
        ("office", "/Pairings?status=Proposed", Rows),
        ("office", "/Pairings?idleDays=30", Total),
        ("office", "/Pairings?street=加测街道0&sort=start&desc=true", Rows),
        ("liaison", "/Pairings", Rows),
        ("secretary", "/Pairings", Rows),

        // Agreements.
        ("office", "/Agreements", Rows),
        ("office", "/Agreements?q=加测", Rows),
        ("office", "/Agreements?status=Filed", Rows),
        ("office", "/Agreements?expiringWithinDays=30", Rows),
        ("liaison", "/Agreements", Rows),
        ("secretary", "/Agreements", Rows),

        // Tasks.
        ("office", "/Tasks", Rows),
        ("office", "/Tasks?q=加测", Rows),
        ("office", "/Tasks?overdue=true", Rows),
        ("office", "/Tasks?status=ReportedDone", Rows),
        ("office", "/Tasks?street=加测街道0", Rows),
        ("office", "/Tasks?unitId={unit}", Rows),
        ("liaison", "/Tasks", Rows),
        ("liaison", "/Tasks?overdue=true", Rows),
        ("secretary", "/Tasks", Rows),
        ("secretary", "/Tasks?status=ReportedDone", Rows),

        // Needs and funding requests.
        ("office", "/Needs", Rows),
        ("office", "/Needs?q=加测", Rows),
        ("office", "/Needs?status=Published", Rows),
        ("office", "/Needs?overdue=true", Rows),
        ("office", "/Needs?street=加测街道0", Rows),
        ("office", "/Needs/Overview", "re:加测街道0</a>\\s*</td>\\s*<td class=\"text-end\">(\\d+)<"),
        ("liaison", "/Needs", Rows),
        ("secretary", "/Needs", Rows),
        ("office", "/Funding", Rows),
        ("liaison", "/Funding", Rows),
        ("secretary", "/Funding", Rows),

        // Activities and their filters.
        ("office", "/Activities", Total),
        ("office", "/Activities?last=true", Total),
        ("office", "/Activities?q=加测", Rows),
        ("office", "/Activities?party=加测", Rows),
        ("office", "/Activities?status=Confirmed", Total),
        ("office", "/Activities?status=Submitted", Rows),
        ("office", "/Activities?status=Disputed", Rows),
        ("office", "/Activities?category=JointMeeting", Rows),
        ("office", "/Activities?street=加测街道0", Rows),
        ("office", "/Activities?unitId={unit}", Rows),
        ("office", "/Activities?communityId={community}", Rows),
        ("office", "/Activities?waitingDays=7", Rows),
        ("office", "/Activities?hasEvidence=false", Total),
        ("office", "/Activities?sort=people&desc=true", Total),
        ("office", "/Activities?sort=hours&page=2", Total),
        ("liaison", "/Activities", Rows),
        ("liaison", "/Activities?status=Disputed", Rows),
        ("secretary", "/Activities", Rows),
        ("secretary", "/Activities/Inbox", Rows),

        // Inspections and their checklist.
        ("office", "/Inspections", Rows),
        ("office", "/Inspections?unitId={unit}", Rows),
        ("liaison", "/Inspections", Rows),
        ("secretary", "/Inspections", Rows),
        ("office", "/Checklist", "加测检查项"),

        // Ranking.
        ("office", "/Assessment", Rows),
        ("liaison", "/Assessment", Rows),
        ("secretary", "/Assessment", Rows),
        ("office", "/Ranking", Rows),
        ("liaison", "/Ranking/Scorecard", "re:名次（共(\\d+)个单位）"),

        // Administration.
        ("office", "/Audit", Total),
        ("office", "/Audit?q=加测", Rows),
        ("office", "/Audit?entity=Activity", Total),
        ("admin", "/Users", Rows),
        ("admin", "/Users?q=jiace", Rows),
        ("admin", "/Users?role=UnitLiaison", Rows),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (role, url, proof) in Pages)
        {
            data.Add(role, url, proof);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SendsNoMoreCommandsWithTenTimesTheRows(string role, string url, string proof)
    {
        var before = fixture.Before[PageCommandCountsFixture.Key(role, url)];
        Assert.False(before.Html.StartsWith("FAILED: ", StringComparison.Ordinal), before.Html);
        // Warm as the small batch was: the first request after a change gathers the stored scoring and dashboard
        // facts again (a fixed set of grouped queries, whatever the rows), later ones read them.
        var gathering = await fixture.MeasureAsync(role, url);
        var after = await fixture.MeasureAsync(role, url);

        // Never more with more rows. Fewer is allowed: a list read segment by segment (proposals, then pairings in
        // force) stops once its page is full, which with more rows happens in an earlier segment.
        Assert.True(after.Commands.Count <= before.Commands.Count,
            $"{role} {url}: {before.Commands.Count} commands with the small batch, {after.Commands.Count} with the large one.\n{Repeated(before.Commands, after.Commands)}");
        output.WriteLine($"{role} {url}: {after.Commands.Count} commands; rows {Occurrences(before.Html, "<tr")} -> {Occurrences(after.Html, "<tr")}");
        Assert.InRange(after.Commands.Count, 1, 40);
        Assert.InRange(gathering.Commands.Count, after.Commands.Count, 80);
        AssertGrew(proof, before.Html, after.Html, $"{role} {url}");
    }

    private static void AssertGrew(string proof, string before, string after, string page)
    {
        if (proof == Rows)
        {
            var (was, now) = (Occurrences(before, "<tr"), Occurrences(after, "<tr"));
            Assert.True(now > was, $"{page}: {was} table rows with the small batch and {now} with the large one; the new rows did not reach the page.");
        }
        else if (proof.StartsWith("re:", StringComparison.Ordinal))
        {
            var pattern = new Regex(proof[3..]);
            var (was, now) = (Number(pattern, before), Number(pattern, after));
            Assert.True(now > was, $"{page}: “{proof[3..]}” was {was} with the small batch and is {now} with the large one; the new rows did not reach the page.");
        }
        else
        {
            var (was, now) = (Occurrences(before, proof), Occurrences(after, proof));
            Assert.True(now > was, $"{page}: “{proof}” occurs {was} times with the small batch and {now} with the large one; the new rows did not reach the page.");
        }
    }

    private static decimal Number(Regex pattern, string html) =>
        pattern.Match(html) is { Success: true } m ? decimal.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : -1;

    private static int Occurrences(string html, string text)
    {
        var count = 0;
        for (var at = html.IndexOf(text, StringComparison.Ordinal); at >= 0; at = html.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>The commands sent more often with the large batch, each with how often: the query that runs per row.</summary>
    private static string Repeated(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var was = before.GroupBy(Normalize).ToDictionary(g => g.Key, g => g.Count());
        var text = new StringBuilder();
        foreach (var group in after.GroupBy(Normalize))
        {
            var old = was.GetValueOrDefault(group.Key);
            if (group.Count() != old)
            {
                text.Append(CultureInfo.InvariantCulture, $"--- {old} → {group.Count()} times:\n{group.Key}\n");
            }
        }
        foreach (var (gone, old) in was.Where(w => !after.Select(Normalize).Contains(w.Key)))
        {
            text.Append(CultureInfo.InvariantCulture, $"--- {old} → 0 times:\n{gone}\n");
        }
        return text.ToString();
    }

    private static string Normalize(string sql) => Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
