using System.Globalization;
using System.Net;
using System.Text.Json;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Inspections;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// An oracle for the published ranking: on the generated city (seed 1) with pairings that start, end and are suspended
/// inside the year, every unit's frozen facts in the published report are checked against figures computed here from
/// the raw tables with plain SQL and a day-by-day walk of each pairing's history, without the portal's own gathering.
/// </summary>
public sealed class RankingOracle(GeneratedCityFactory factory) : IClassFixture<GeneratedCityFactory>
{
    private const int Active = 2, Suspended = 3;
    private const int Confirmed = 2, Disputed = 3;
    private const int TaskConfirmed = 3, TaskCancelled = 4;

    private static readonly TimeZoneInfo CityZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly YearStart = new(2026, 1, 1), YearEnd = new(2026, 12, 31);

    private static DateOnly CityDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, CityZone).DateTime);

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    /// <summary>Pairings given a history inside the year, by role, so the oracle's own figures can be checked by hand.</summary>
    private sealed record Scenario(int NewUnit, int NewUnitPairing, int SuspendedAndResumed, int StillSuspended, int SuspendedToday,
        int TerminatedThenEnded, int EndedMidFebruary, int SuspendedThenEnded, int Approved, int Rejected, int Pending);

    [Fact]
    public async Task EveryUnitsPublishedFactsMatchAnIndependentComputationFromTheRawTables()
    {
        await factory.GenerateAsync();
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var scenario = await MakeHistoryAsync(office);

        var period = await factory.PublishYearAsync(office, 2026);
        var scoresJson = await factory.QueryAsync(db => db.PublishedReports.AsNoTracking()
            .Where(r => r.PeriodId == period.Id && r.VersionNumber == 1).Select(r => r.ScoresJson).SingleAsync());

        var today = CityDate(factory.Clock.GetUtcNow());
        Assert.Equal(D(11, 24), today);
        var oracle = await OracleAsync(YearStart, YearEnd < today ? YearEnd : today, today);

        // The oracle's own exposure, worked by hand for the histories made above (window 1 January to 24 November).
        Assert.Equal(new[] { 5, 6, 7, 8, 9, 10, 11 }, oracle.Months[scenario.NewUnitPairing]);            // from 20 April: 11 of 30 April days
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 9, 10, 11 }, oracle.Months[scenario.SuspendedAndResumed]); // off 16 June (city day) to 31 August
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7, 8 }, oracle.Months[scenario.StillSuspended]);            // off since 10 September
        Assert.Equal(Enumerable.Range(1, 11), oracle.Months[scenario.SuspendedToday]);             // off since 24 November: 23 days in force
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, oracle.Months[scenario.TerminatedThenEnded]);             // ended 14 July: 14 of 31 days
        Assert.Equal(new[] { 1, 2 }, oracle.Months[scenario.EndedMidFebruary]);                           // ended 14 February: exactly half of 28
        Assert.Equal(new[] { 1, 2, 3 }, oracle.Months[scenario.SuspendedThenEnded]);                      // off 20 March, ended 31 May
        Assert.Equal(new[] { 10, 11 }, oracle.Months[scenario.Approved]);                                 // from 10 October: 22 of 31 days
        Assert.False(oracle.Months.ContainsKey(scenario.Rejected));
        Assert.False(oracle.Months.ContainsKey(scenario.Pending));

        // Not vacuous: the data holds pairings that start, end and are suspended inside the year, suspensions whose
        // city day differs from their UTC day, and units exposed for fewer months than the year.
        Assert.Contains(oracle.InForce, p => p.Start > YearStart && p.Start <= today);
        Assert.Contains(oracle.InForce, p => p.End is { } e && e >= YearStart && e <= today);
        Assert.Contains(oracle.Suspensions, s => s.From >= YearStart && s.To is { } to && to <= today);
        Assert.Contains(oracle.Suspensions, s => s.From >= YearStart && s.To is null);
        Assert.True(oracle.SuspensionsOnAnotherUtcDay > 0, "no suspension was moved to another day by the city's zone");
        Assert.Contains(oracle.InForce, p => oracle.MonthsWithoutSuspensions(p) > oracle.Months.GetValueOrDefault(p.Id, []).Count);
        var fullYear = oracle.Units.Values.Max(u => u.MonthsInPeriod);
        Assert.Equal(11, fullYear);
        Assert.Contains(oracle.Units.Values, u => u.MonthsInPeriod is > 0 and < 11);
        Assert.Contains(oracle.Units.Values, u => u.MonthsInPeriod == 0);
        Assert.Equal(7, oracle.Units[scenario.NewUnit].MonthsInPeriod);
        // A terminated agreement whose confirmed work, due inside the window, stays with its unit.
        Assert.True((await ColumnAsync<long>($"""
            SELECT COUNT(*) FROM AgreementTasks t JOIN Agreements a ON a.Id = t.AgreementId
            WHERE a.Status = 6 AND a.PairingId = {scenario.TerminatedThenEnded} AND t.Status = {TaskConfirmed} AND t.DueDate >= '2026-01-01' AND t.DueDate <= '2026-11-24'
            """)).Single() > 0);

        var rows = JsonDocument.Parse(scoresJson).RootElement.EnumerateArray().ToList();
        Assert.Equal(oracle.Units.Keys.Order().ToArray(), rows.Select(r => r.GetProperty("UnitId").GetInt32()).Order().ToArray());
        Assert.True(rows.Count > 60);

        var disagreements = new List<string>();
        foreach (var row in rows)
        {
            var unitId = row.GetProperty("UnitId").GetInt32();
            var facts = row.GetProperty("Facts");
            var expected = oracle.Units[unitId];
            void Same(string name, decimal want)
            {
                var got = facts.GetProperty(name).GetDecimal();
                // Person-hours and rating points are summed as doubles by both sides; allow for the last bits.
                if (Math.Abs(got - want) > 0.001m)
                {
                    disagreements.Add($"unit {unitId} {facts.GetProperty("UnitName").GetString()}: {name} published {got}, oracle {want}");
                }
            }
            Same("ActivePairings", expected.ActivePairings);
            Same("MonthsInPeriod", expected.MonthsInPeriod);
            Same("ExpectedPairingMonths", expected.PairingMonths);
            if (facts.GetProperty("ExposedPairingMonths").ValueKind != JsonValueKind.Null)
            {
                Same("ExposedPairingMonths", expected.PairingMonths);
            }
            Same("PairingMonthsWithActivity", expected.PairingMonthsWithActivity);
            Same("ConfirmedActivities", expected.ConfirmedActivities);
            Same("ConfirmedPersonHours", expected.ConfirmedPersonHours);
            Same("RatingPoints", expected.RatingPoints);
            Same("ActivitiesWithLeader", expected.ActivitiesWithLeader);
            Same("TasksDue", expected.TasksDue);
            Same("TasksConfirmed", expected.TasksConfirmed);
            Same("TasksOverdue", expected.TasksOverdue);
            Same("Inspections", expected.Inspections);
            Same("InspectionScoreSum", expected.InspectionScoreSum);
            Same("DisputedActivities", expected.DisputedActivities);
            // Ranked exactly when exposed.
            var ranked = row.GetProperty("Rank").ValueKind != JsonValueKind.Null;
            if (ranked != expected.PairingMonths > 0)
            {
                disagreements.Add($"unit {unitId}: ranked {ranked}, oracle exposure {expected.PairingMonths} pairing-months");
            }
        }
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }

    // ---------------------------------------------------------------- the history made inside the year

    private async Task<Scenario> MakeHistoryAsync(PortalClient office)
    {
        // Generated pairings (all in force since late 2024), those of units with the fewest pairings first, so the
        // histories below move their units' months.
        var generated = await ColumnAsync<long>("""
            SELECT p.Id FROM Pairings p
            ORDER BY (SELECT COUNT(*) FROM Pairings q WHERE q.UnitId = p.UnitId), p.Id
            """);
        var pick = new Queue<int>(generated.Select(id => (int)id));
        // One whose agreement has a task confirmed and due before the end given it, so terminating the agreement leaves confirmed work.
        var withConfirmedTask = (int)(await ColumnAsync<long>($"""
            SELECT DISTINCT a.PairingId FROM AgreementTasks t JOIN Agreements a ON a.Id = t.AgreementId
            WHERE t.Status = {TaskConfirmed} AND t.DueDate >= '2026-01-01' AND t.DueDate <= '2026-07-14' ORDER BY a.PairingId LIMIT 1
            """)).Single();
        int Next()
        {
            int id;
            do
            {
                id = pick.Dequeue();
            }
            while (id == withConfirmedTask);
            return id;
        }

        // A unit registered now and paired (in force at once, the office's own pairing) from 20 April, through the forms.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/Units/Create", "/Units/Create", new Dictionary<string, string>
        {
            ["Name"] = "市档案馆", ["Kind"] = "PublicInstitution", ["StaffCount"] = "30", ["PartyMemberCount"] = "12",
        })).StatusCode);
        var newUnit = await factory.QueryAsync(db => db.Units.Where(u => u.Name == "市档案馆").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ProposeAsync(office, newUnit, 2, "2026-04-20")).StatusCode);
        var newPairing = await PairingIdAsync(newUnit, 2);
        Assert.Equal(PairingStatus.Active, await StatusAsync(newPairing));

        // Suspended at 00:30 on 16 June in the city (still 15 June in UTC), resumed on 1 September (31 August in UTC).
        var suspendedAndResumed = Next();
        await ChangeAsync(suspendedAndResumed, p => p.Suspend("单位主要负责人调整", "demo.office", new DateTimeOffset(2026, 6, 15, 16, 30, 0, TimeSpan.Zero)));
        await ChangeAsync(suspendedAndResumed, p => p.Resume("demo.office", new DateTimeOffset(2026, 8, 31, 18, 0, 0, TimeSpan.Zero)));

        // Suspended at 01:00 on 10 September in the city and never resumed.
        var stillSuspended = Next();
        await ChangeAsync(stillSuspended, p => p.Suspend("社区换届", "demo.office", new DateTimeOffset(2026, 9, 9, 17, 0, 0, TimeSpan.Zero)));

        // Suspended today, through the form.
        var suspendedToday = Next();
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(office, suspendedToday, "Suspend", new() { ["Reason"] = "整改期间暂停" })).StatusCode);
        Assert.Equal(PairingStatus.Suspended, await StatusAsync(suspendedToday));

        // The agreement terminated (its open tasks cancelled, its confirmed ones kept), then the pairing ended on 14 July, through the forms.
        var terminatedThenEnded = withConfirmedTask;
        var agreement = await factory.QueryAsync(db => db.Agreements.AsNoTracking().Where(a => a.PairingId == terminatedThenEnded).Select(a => new { a.Id, a.Version }).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/Agreements/Details/{agreement.Id}", $"/Agreements/Terminate/{agreement.Id}",
            new Dictionary<string, string> { ["reason"] = "社区撤并，协议终止", ["version"] = agreement.Version.ToString() })).StatusCode);
        Assert.Equal(CivicPairing.Domain.Agreements.AgreementStatus.Terminated,
            await factory.QueryAsync(db => db.Agreements.Where(a => a.Id == agreement.Id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(office, terminatedThenEnded, "End", new() { ["EndDate"] = "2026-07-14", ["Reason"] = "社区撤并" })).StatusCode);
        Assert.Equal(PairingStatus.Ended, await StatusAsync(terminatedThenEnded));

        // Ended on 14 February (exactly half of February), recorded two days later.
        var endedMidFebruary = Next();
        await ChangeAsync(endedMidFebruary, p => p.End(D(2, 14), new UnpairingBlockers(1), null, "单位撤销", "demo.office", new DateTimeOffset(2026, 2, 16, 2, 0, 0, TimeSpan.Zero)));

        // Suspended on 20 March, then ended on 31 May while suspended.
        var suspendedThenEnded = Next();
        await ChangeAsync(suspendedThenEnded, p => p.Suspend("停工整顿", "demo.office", new DateTimeOffset(2026, 3, 20, 5, 0, 0, TimeSpan.Zero)));
        await ChangeAsync(suspendedThenEnded, p => p.End(D(5, 31), new UnpairingBlockers(1), null, "整顿未果", "demo.office", new DateTimeOffset(2026, 6, 2, 3, 0, 0, TimeSpan.Zero)));

        // The liaison (unit 1) proposes three pairings: the office approves one from 10 October, rejects one, leaves one waiting.
        var free = await ColumnAsync<long>("SELECT Id FROM Communities WHERE Id NOT IN (SELECT CommunityId FROM Pairings WHERE UnitId = 1) ORDER BY Id LIMIT 3");
        using (var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ProposeAsync(liaison, 1, (int)free[0], "2026-10-10")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await ProposeAsync(liaison, 1, (int)free[1], "2026-03-01")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await ProposeAsync(liaison, 1, (int)free[2], "2026-02-01")).StatusCode);
        }
        var approved = await PairingIdAsync(1, (int)free[0]);
        var rejected = await PairingIdAsync(1, (int)free[1]);
        var pending = await PairingIdAsync(1, (int)free[2]);
        await DecideAsync(office, approved, "Approve");
        await DecideAsync(office, rejected, "Reject", new() { ["Reason"] = "该村已有结对单位" });
        Assert.Equal((PairingStatus.Active, PairingStatus.Rejected, PairingStatus.Proposed), (await StatusAsync(approved), await StatusAsync(rejected), await StatusAsync(pending)));

        // Work in those pairings: confirmed (in months asked for and in months not asked for), disputed, and waiting.
        await ActivitiesAsync(
            (newPairing, D(4, 25), Confirmed, 5, 12.5m, true),
            (newPairing, D(5, 10), Confirmed, 3, 8m, false),
            (newPairing, D(5, 20), Confirmed, 4, 6.25m, true),
            (newPairing, D(6, 12), Disputed, null, 10m, false),
            (newPairing, D(8, 3), ActivityStatusSubmitted, null, 9m, true),
            (suspendedAndResumed, D(7, 15), Confirmed, 2, 4m, false),
            (stillSuspended, D(10, 8), Confirmed, 1, 3m, true),
            (terminatedThenEnded, D(7, 10), Confirmed, 5, 20m, true),
            (endedMidFebruary, D(2, 10), Confirmed, 4, 16m, false),
            (suspendedThenEnded, D(4, 5), Confirmed, 3, 5.5m, false),
            (approved, D(10, 20), Confirmed, 5, 30m, true),
            (approved, D(11, 5), Confirmed, 4, 18m, false),
            (approved, D(11, 20), Disputed, null, 6m, false));

        // Inspections of the new unit's pairing and of the suspended one.
        await InspectAsync(newPairing, D(9, 15), 82);
        await InspectAsync(stillSuspended, D(10, 20), 55);

        return new Scenario(newUnit, newPairing, suspendedAndResumed, stillSuspended, suspendedToday, terminatedThenEnded, endedMidFebruary,
            suspendedThenEnded, approved, rejected, pending);
    }

    private const int ActivityStatusSubmitted = 1;

    private static Task<HttpResponseMessage> ProposeAsync(PortalClient client, int unitId, int communityId, string start) =>
        client.PostFormAsync("/Pairings/Propose", "/Pairings/Propose", new Dictionary<string, string>
        {
            ["UnitId"] = unitId.ToString(CultureInfo.InvariantCulture), ["CommunityId"] = communityId.ToString(CultureInfo.InvariantCulture),
            ["StartDate"] = start, ["Note"] = "结对共建",
        });

    private async Task<HttpResponseMessage> DecideAsync(PortalClient client, int pairingId, string action, Dictionary<string, string>? fields = null)
    {
        var version = await factory.QueryAsync(db => db.Pairings.Where(p => p.Id == pairingId).Select(p => p.Version).SingleAsync());
        var all = new Dictionary<string, string>(fields ?? new()) { ["Version"] = version.ToString() };
        return await client.PostFormAsync($"/Pairings/Details/{pairingId}", $"/Pairings/{action}/{pairingId}", all);
    }

    private Task<int> PairingIdAsync(int unitId, int communityId) =>
        factory.QueryAsync(db => db.Pairings.Where(p => p.UnitId == unitId && p.CommunityId == communityId).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());

    private Task<PairingStatus> StatusAsync(int pairingId) =>
        factory.QueryAsync(db => db.Pairings.Where(p => p.Id == pairingId).Select(p => p.Status).SingleAsync());

    /// <summary>A step of the pairing's domain model at a chosen instant (the forms stamp the pinned clock's now).</summary>
    private Task ChangeAsync(int pairingId, Action<Pairing> step) => factory.QueryAsync(async db =>
    {
        var pairing = await db.Pairings.SingleAsync(p => p.Id == pairingId);
        step(pairing);
        return await db.SaveChangesAsync();
    });

    private Task ActivitiesAsync(params (int PairingId, DateOnly Date, int Status, int? Rating, decimal Hours, bool Leader)[] rows) => factory.QueryAsync(async db =>
    {
        foreach (var (pairingId, date, status, rating, hours, leader) in rows)
        {
            var submitted = new DateTimeOffset(date.ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(8));
            var activity = new Activity
            {
                PairingId = pairingId, Date = date, Category = ActivityCategory.EnvironmentalCleanup, Title = $"预言机活动{pairingId}-{Text(date)}",
                PeopleSent = 5, PersonHours = hours, LeaderTookPart = leader, PeopleServed = 40,
                SubmittedAt = submitted, SubmittedBy = "demo.liaison", SubmissionKey = Guid.NewGuid(),
            };
            activity.Events.Add(new ActivityEvent { At = submitted, Actor = "demo.liaison", From = null, To = ActivityStatus.Submitted });
            if (status == Confirmed)
            {
                activity.Confirm(rating!.Value, rating <= 3 ? "还需改进" : null, "demo.secretary", submitted.AddDays(2));
            }
            else if (status == Disputed)
            {
                activity.Dispute("人数与实际不符", "demo.secretary", submitted.AddDays(2));
            }
            db.Activities.Add(activity);
        }
        return await db.SaveChangesAsync();
    });

    private Task InspectAsync(int pairingId, DateOnly date, int score) => factory.QueryAsync(async db =>
    {
        var pairing = await db.Pairings.SingleAsync(p => p.Id == pairingId);
        db.Inspections.Add(Inspection.Record(pairing, date, factory.Today, "市文明办督查组", score,
            [new InspectionFinding("活动台账", score >= 60 ? FindingResult.Pass : FindingResult.Fail, null)],
            score >= 60 ? null : date.AddDays(30), factory.Clock.GetUtcNow()));
        return await db.SaveChangesAsync();
    });

    // ---------------------------------------------------------------- the oracle: raw tables, plain SQL

    private sealed record InForcePairing(int Id, int UnitId, DateOnly Start, DateOnly? End);

    private sealed record Off(int PairingId, DateOnly From, DateOnly? To);

    private sealed class UnitExpectation
    {
        public int ActivePairings;
        public int MonthsInPeriod;
        public int PairingMonths;
        public int PairingMonthsWithActivity;
        public int ConfirmedActivities;
        public decimal ConfirmedPersonHours;
        public decimal RatingPoints;
        public int ActivitiesWithLeader;
        public int TasksDue;
        public int TasksConfirmed;
        public int TasksOverdue;
        public int Inspections;
        public decimal InspectionScoreSum;
        public int DisputedActivities;
    }

    private sealed class Oracle
    {
        public required DateOnly From { get; init; }
        public required DateOnly To { get; init; }
        public required List<InForcePairing> InForce { get; init; }
        public required List<Off> Suspensions { get; init; }
        public required int SuspensionsOnAnotherUtcDay { get; init; }
        /// <summary>The months (1–12) of the window each pairing was in force for at least half of the month's days.</summary>
        public required Dictionary<int, List<int>> Months { get; init; }
        public required Dictionary<int, UnitExpectation> Units { get; init; }

        public int MonthsWithoutSuspensions(InForcePairing p) => MonthsInForce(p, [], From, To).Count;
    }

    /// <summary>
    /// The month rule, day by day: a day counts when it lies in the window, on or after the start, on or before the end,
    /// and in no suspension; a month is asked for when at least half of all its days count.
    /// </summary>
    private static List<int> MonthsInForce(InForcePairing p, IReadOnlyList<Off> off, DateOnly from, DateOnly to)
    {
        var months = new List<int>();
        for (var month = from.Month; month <= to.Month; month++)
        {
            var daysInMonth = DateTime.DaysInMonth(from.Year, month);
            var inForce = 0;
            for (var day = 1; day <= daysInMonth; day++)
            {
                var d = new DateOnly(from.Year, month, day);
                var counts = d >= from && d <= to && d >= p.Start && (p.End is null || d <= p.End)
                    && !off.Any(s => d >= s.From && (s.To is null || d <= s.To));
                inForce += counts ? 1 : 0;
            }
            if (2 * inForce >= daysInMonth)
            {
                months.Add(month);
            }
        }
        return months;
    }

    private async Task<Oracle> OracleAsync(DateOnly from, DateOnly to, DateOnly today)
    {
        Assert.Equal(from.Year, to.Year);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = factory.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        var p = new Dictionary<string, object> { ["$from"] = Text(from), ["$to"] = Text(to), ["$today"] = Text(today) };

        var units = (await SqlAsync(connection, "SELECT Id FROM Units WHERE IsActive = 1", p, r => r.GetInt32(0)))
            .ToDictionary(id => id, _ => new UnitExpectation());

        // Pairings that ever came into force: their history has a move to Active (a proposal rejected or still waiting has none).
        var inForce = await SqlAsync(connection, $"""
            SELECT p.Id, p.UnitId, p.StartDate, p.EndDate FROM Pairings p
            WHERE EXISTS (SELECT 1 FROM PairingEvents e WHERE e.PairingId = p.Id AND e."To" = {Active})
            ORDER BY p.Id
            """, p, r => new InForcePairing(r.GetInt32(0), r.GetInt32(1), DateOnly.Parse(r.GetString(2), CultureInfo.InvariantCulture),
                r.IsDBNull(3) ? null : DateOnly.Parse(r.GetString(3), CultureInfo.InvariantCulture)));

        // Suspensions from the history: a move into Suspended starts one on its city day; the next move out of it ends
        // it on the day before (the day of resuming or ending is in force again or closed by the end date).
        var events = await SqlAsync(connection, """SELECT PairingId, At, "To" FROM PairingEvents ORDER BY PairingId, At, Id""", p,
            r => (PairingId: r.GetInt32(0), At: new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero), To: r.GetInt32(2)));
        var suspensions = new List<Off>();
        var otherUtcDay = 0;
        foreach (var history in events.GroupBy(e => e.PairingId))
        {
            DateOnly? since = null;
            foreach (var e in history)
            {
                var day = CityDate(e.At);
                if (e.To == Suspended)
                {
                    otherUtcDay += day != DateOnly.FromDateTime(e.At.UtcDateTime) ? 1 : 0;
                    since ??= day;
                }
                else if (since is { } s)
                {
                    if (day > s)
                    {
                        suspensions.Add(new Off(history.Key, s, day.AddDays(-1)));
                    }
                    since = null;
                }
            }
            if (since is { } open)
            {
                suspensions.Add(new Off(history.Key, open, null));
            }
        }
        var offByPairing = suspensions.ToLookup(s => s.PairingId);

        var months = new Dictionary<int, List<int>>();
        foreach (var pairing in inForce)
        {
            var m = MonthsInForce(pairing, [.. offByPairing[pairing.Id]], from, to);
            months[pairing.Id] = m;
        }
        foreach (var g in inForce.Where(x => months[x.Id].Count > 0 && units.ContainsKey(x.UnitId)).GroupBy(x => x.UnitId))
        {
            var u = units[g.Key];
            u.ActivePairings = g.Count();
            u.PairingMonths = g.Sum(x => months[x.Id].Count);
            u.MonthsInPeriod = g.SelectMany(x => months[x.Id]).Distinct().Count();
        }

        // Confirmed and disputed activities of the window, per pairing.
        var work = await SqlAsync(connection, $"""
            SELECT a.PairingId, p.UnitId,
                   SUM(a.Status = {Confirmed}),
                   TOTAL(CASE WHEN a.Status = {Confirmed} THEN CAST(a.PersonHours AS REAL) END),
                   TOTAL(CASE WHEN a.Status = {Confirmed} THEN (COALESCE(a.Rating, 1) - 1) / 4.0 END),
                   SUM(a.Status = {Confirmed} AND a.LeaderTookPart = 1),
                   COUNT(DISTINCT CASE WHEN a.Status = {Confirmed} THEN substr(a.Date, 1, 7) END),
                   SUM(a.Status = {Disputed})
            FROM Activities a JOIN Pairings p ON p.Id = a.PairingId
            WHERE a.Date >= $from AND a.Date <= $to AND a.Status IN ({Confirmed}, {Disputed})
            GROUP BY a.PairingId, p.UnitId
            """, p, r => (PairingId: r.GetInt32(0), UnitId: r.GetInt32(1), Confirmed: r.GetInt32(2), Hours: r.GetDouble(3), Points: r.GetDouble(4),
                Leader: r.GetInt32(5), ActiveMonths: r.GetInt32(6), Disputed: r.GetInt32(7)));
        foreach (var w in work.Where(w => units.ContainsKey(w.UnitId)))
        {
            var u = units[w.UnitId];
            u.ConfirmedActivities += w.Confirmed;
            u.ConfirmedPersonHours += (decimal)w.Hours;
            u.RatingPoints += (decimal)w.Points;
            u.ActivitiesWithLeader += w.Leader;
            u.DisputedActivities += w.Disputed;
            // A pairing's months of work count up to the months it was asked for (regularity is at most 100%).
            u.PairingMonthsWithActivity += Math.Min(w.ActiveMonths, months.GetValueOrDefault(w.PairingId)?.Count ?? 0);
        }

        // Tasks due in the window of agreements that were filed, other than those cancelled with their agreement.
        var tasks = await SqlAsync(connection, $"""
            SELECT p.UnitId, COUNT(*), SUM(t.Status = {TaskConfirmed}), SUM(t.Status <> {TaskConfirmed} AND t.DueDate < $today)
            FROM AgreementTasks t JOIN Agreements a ON a.Id = t.AgreementId JOIN Pairings p ON p.Id = a.PairingId
            WHERE t.DueDate >= $from AND t.DueDate <= $to AND t.Status <> {TaskCancelled} AND a.FiledOn IS NOT NULL
            GROUP BY p.UnitId
            """, p, r => (UnitId: r.GetInt32(0), Due: r.GetInt32(1), Confirmed: r.GetInt32(2), Overdue: r.GetInt32(3)));
        foreach (var t in tasks.Where(t => units.ContainsKey(t.UnitId)))
        {
            (units[t.UnitId].TasksDue, units[t.UnitId].TasksConfirmed, units[t.UnitId].TasksOverdue) = (t.Due, t.Confirmed, t.Overdue);
        }

        // Needs a unit took count as its tasks: due on the day wanted, done once the community rated the work (status 7).
        var needs = await SqlAsync(connection, """
            SELECT n.TakenByUnitId, COUNT(*), SUM(n.Status = 7), SUM(n.Status <> 7 AND n.WantedBy < $today)
            FROM Needs n WHERE n.TakenByUnitId IS NOT NULL AND n.WantedBy >= $from AND n.WantedBy <= $to
            GROUP BY n.TakenByUnitId
            """, p, r => (UnitId: r.GetInt32(0), Due: r.GetInt32(1), Confirmed: r.GetInt32(2), Overdue: r.GetInt32(3)));
        foreach (var n in needs.Where(n => units.ContainsKey(n.UnitId)))
        {
            units[n.UnitId].TasksDue += n.Due;
            units[n.UnitId].TasksConfirmed += n.Confirmed;
            units[n.UnitId].TasksOverdue += n.Overdue;
        }

        var inspections = await SqlAsync(connection, """
            SELECT p.UnitId, COUNT(*), SUM(i.Score) FROM Inspections i JOIN Pairings p ON p.Id = i.PairingId
            WHERE i.Date >= $from AND i.Date <= $to GROUP BY p.UnitId
            """, p, r => (UnitId: r.GetInt32(0), Count: r.GetInt32(1), Sum: r.GetInt32(2)));
        foreach (var i in inspections.Where(i => units.ContainsKey(i.UnitId)))
        {
            (units[i.UnitId].Inspections, units[i.UnitId].InspectionScoreSum) = (i.Count, i.Sum);
        }

        return new Oracle
        {
            From = from, To = to, InForce = inForce, Suspensions = suspensions, SuspensionsOnAnotherUtcDay = otherUtcDay, Months = months, Units = units,
        };
    }

    private async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = factory.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await SqlAsync(connection, sql, new(), r => (T)r.GetValue(0));
    }

    private static async Task<List<T>> SqlAsync<T>(SqliteConnection connection, string sql, Dictionary<string, object> parameters, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Where(x => sql.Contains(x.Key, StringComparison.Ordinal)))
        {
            command.Parameters.AddWithValue(name, value);
        }
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
