using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.AidHouseholds;
using CivicPairing.Domain.Funding;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Activities;
using CivicPairing.Web.Features.Agreements;
using CivicPairing.Web.Features.Audit;
using CivicPairing.Web.Features.Communities;
using CivicPairing.Web.Features.Coverage;
using CivicPairing.Web.Features.AidHouseholds;
using CivicPairing.Web.Features.Members;
using CivicPairing.Domain.Members;
using CivicPairing.Web.Features.Funding;
using CivicPairing.Web.Features.Home;
using CivicPairing.Web.Features.Inspections;
using CivicPairing.Web.Features.Needs;
using CivicPairing.Web.Features.Pairings;
using CivicPairing.Web.Features.PublicReports;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Features.Tasks;
using CivicPairing.Web.Features.Units;
using CivicPairing.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CivicPairing.UnitTests.Web;

/// <summary>
/// Every query the portal runs, translated for SQL Server without a server (<see cref="SqlServerDryRun"/>): the list
/// queries in every order and filter through <c>ToQueryString()</c>, and the gatherers, home pages and controllers'
/// read actions run against the dry-run context, which writes down each command instead of sending it. A LINQ query
/// SQL Server cannot translate fails its case by name, and every statement written must parse as T-SQL (ScriptDom).
/// SQLite runs the same queries in the integration tests.
/// </summary>
public sealed class SqlServerTranslation(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly System.Security.Claims.ClaimsPrincipal Office = SqlServerDryRun.User(Roles.CivilizationOffice);
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = SqlServerDryRun.User(Roles.Admin);
    private static readonly System.Security.Claims.ClaimsPrincipal Liaison = SqlServerDryRun.User(Roles.UnitLiaison, unitId: 1);
    private static readonly System.Security.Claims.ClaimsPrincipal Secretary = SqlServerDryRun.User(Roles.CommunitySecretary, communityId: 1);
    private static readonly (string Name, System.Security.Claims.ClaimsPrincipal User)[] Parties = [("office", Office), ("liaison", Liaison), ("secretary", Secretary)];

    private static readonly Dictionary<string, Func<SqlServerDryRun, Task>> Cases = Catalogue();

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Translates_for_SQL_Server(string name)
    {
        await using var dry = new SqlServerDryRun();
        await Cases[name](dry);
        Assert.NotEmpty(dry.Commands);
        foreach (var sql in dry.Commands)
        {
            output.WriteLine(sql);
            output.WriteLine("");
            AssertParses(sql);
        }
    }

    [Fact]
    public void The_SQL_Server_write_lock_parses() => AssertParses(CivicPairing.Web.Infrastructure.WriteTransactions.SqlServerLockSql);

    [Fact]
    public async Task A_query_SQL_Server_cannot_translate_fails_here()
    {
        await using var dry = new SqlServerDryRun();
        var error = Assert.Throws<InvalidOperationException>(() => dry.Translate(dry.Db.Units.Where(u => Untranslatable(u.Name))));
        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
    }

    private static bool Untranslatable(string name) => name.Length > 0;

    /// <summary>The statement is T-SQL as SQL Server 2022 reads it (ScriptDom's parser, no server).</summary>
    private static void AssertParses(string sql)
    {
        using var reader = new StringReader(sql);
        new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
    }

    /// <summary>How many distinct SQL statements the catalogue makes the provider write (printed; a floor keeps it from shrinking unnoticed).</summary>
    [Fact]
    public async Task The_catalogue_covers_the_portal_s_queries()
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, run) in Cases)
        {
            await using var dry = new SqlServerDryRun();
            await run(dry);
            distinct.UnionWith(dry.Commands);
        }
        output.WriteLine($"{Cases.Count} named cases, {distinct.Count} distinct SQL Server statements.");
        Assert.True(distinct.Count >= 150, $"only {distinct.Count} distinct statements");
    }

    private static Dictionary<string, Func<SqlServerDryRun, Task>> Catalogue()
    {
        var cases = new Dictionary<string, Func<SqlServerDryRun, Task>>(StringComparer.Ordinal);
        void Add(string name, Func<SqlServerDryRun, Task> run) => cases.Add(name, run);
        void Query(string name, Func<AppDbContext, IQueryable> build) => Add(name, dry =>
        {
            dry.Translate(build(dry.Db));
            return Task.CompletedTask;
        });

        // Lists, every order both ways, with every filter.
        foreach (var sort in new string?[] { null, "kind", "staff", "level" })
        {
            foreach (var desc in new[] { false, true })
            {
                Query($"units list sorted {sort ?? "by name"}{(desc ? " desc" : "")}", db => new UnitListQuery { Sort = sort, Desc = desc }.Apply(db.Units));
            }
        }
        Query("units list, every filter", db => new UnitListQuery { Q = "局", Kind = UnitKind.GovernmentOrgan, Level = (CivilizedLevel)1, Strength = Strengths.Culture, Active = null }.Apply(db.Units));
        foreach (var sort in new string?[] { null, "street", "kind", "population" })
        {
            foreach (var desc in new[] { false, true })
            {
                Query($"communities list sorted {sort ?? "by name"}{(desc ? " desc" : "")}", db => new CommunityListQuery { Sort = sort, Desc = desc }.Apply(db.Communities, db.Pairings));
            }
        }
        Query("communities list, every filter, paired", db => new CommunityListQuery { Q = "社区", Kind = CommunityKind.Village, Street = "金墩街道", Weakness = Weaknesses.WeakLeadership, Paired = true, Active = null }.Apply(db.Communities, db.Pairings));
        Query("communities list, unpaired", db => new CommunityListQuery { Paired = false }.Apply(db.Communities, db.Pairings));
        foreach (var sort in new string?[] { null, "community", "unit", "start" })
        {
            foreach (var desc in new[] { false, true })
            {
                var label = $"{sort ?? "by status"}{(desc ? " desc" : "")}";
                Query($"pairings page by index walk, {label}", db => new PairingListQuery { Sort = sort, Desc = desc }.Rows(db.Pairings, db.Communities, db.Units));
                Query($"pairings page sorted in one query, {label}", db => new PairingListQuery { Sort = sort, Desc = desc }.Sorted(db.Pairings.Where(p => p.UnitId == 1)));
            }
        }
        Query("pairings list, every filter", db => new PairingListQuery { Q = "社区", Status = PairingStatus.Active, Street = "金墩街道", IdleDays = 30 }.Filter(db.Pairings, db.Activities, Today));
        foreach (var sort in new string?[] { null, "date", "hours", "people" })
        {
            foreach (var desc in new[] { false, true })
            {
                Query($"activities list sorted {sort ?? "by keyset"}{(desc ? " desc" : "")}", db => new ActivityListQuery { Sort = sort, Desc = desc }.Apply(db.Activities, Now));
            }
        }
        Query("activities list, every filter", db => new ActivityListQuery
        {
            Q = "走访", UnitId = 1, CommunityId = 1, Street = "金墩街道", Category = ActivityCategory.Visits, Status = ActivityStatus.Submitted,
            From = new DateOnly(2026, 1, 1), To = Today, HasEvidence = true, WaitingDays = 7,
        }.Apply(db.Activities, Now));

        // The rules every list, count and score shares.
        foreach (var (party, user) in Parties)
        {
            Add($"visible pairings, agreements, tasks and activities of the {party}", dry =>
            {
                var access = dry.Get<PartyAccess>();
                dry.Translate(access.VisiblePairings(user));
                dry.Translate(access.VisibleAgreements(user));
                dry.Translate(access.VisibleTasks(user));
                dry.Translate(access.VisibleActivities(user));
                dry.Translate(access.VisibleNeeds(user));
                dry.Translate(access.VisibleFundingRequests(user));
                dry.Translate(access.VisibleHouseholds(user));
                return Task.CompletedTask;
            });
        }
        Query("idle pairings", db => db.Pairings.IdleSince(db.Activities, Today.AddDays(-30)));
        Query("tracked tasks", db => db.AgreementTasks.Tracked(db.Agreements));
        Query("work totals (decimal sums)", db => WorkTotals.Of(db.Activities.Where(a => a.Status == ActivityStatus.Confirmed)));
        Add("unit name check (form and import)", dry => dry.Db.Units.NameTakenAsync(" 市财政局 ", 3, default));
        Add("community name check (form and import)", dry => dry.Db.Communities.NameTakenAsync("金墩社区", null, default));
        Add("party checks on registry pages", async dry =>
        {
            var access = dry.Get<PartyAccess>();
            await access.CanViewUnitAsync(Secretary, 1);
            await access.CanViewCommunityAsync(Liaison, 1);
        });

        // Scoring facts, dashboards and home pages.
        Add("scoring facts of a year", dry => dry.Get<ScoringFacts>().GatherAsync(ScoringPeriod.Year(2026), Today, default));
        Add("scoring facts of a quarter", dry => dry.Get<ScoringFacts>().GatherAsync(ScoringPeriod.Quarter(2026, 2), Today, default));
        Add("scoring rules of a period", dry => dry.Get<ProvisionalScores>().RulesForAsync(2026, 3, default));
        Add("office dashboard figures, whole city", dry => dry.Get<Dashboards>().GatherOfficeAsync(ScoringPeriod.Year(2026), null, Today, default));
        Add("office dashboard figures, one street", dry => dry.Get<Dashboards>().GatherOfficeAsync(ScoringPeriod.Quarter(2026, 4), "金墩街道", Today, default));
        Add("secretary's home page", dry => dry.Get<Dashboards>().SecretaryAsync(1, default));
        Add("parked import rows", async dry =>
        {
            // The payload the dry run answers is no list of rows; only the lookup's SQL matters here.
            await Assert.ThrowsAsync<System.Text.Json.JsonException>(() =>
                dry.Get<CivicPairing.Web.Infrastructure.Imports.SpreadsheetImport>().TakeAsync<UnitInput>(Guid.Empty, "units", "user-1", default));
        });

        // Controllers' read actions, which build some of their queries inline.
        Add("units page", dry => dry.Controller<UnitsController>(Office).Index(new UnitListQuery(), default));
        Add("unit details", dry => dry.Controller<UnitsController>(Office).Details(1, default));
        Add("communities page", dry => dry.Controller<CommunitiesController>(Office).Index(new CommunityListQuery(), default));
        Add("community details", dry => dry.Controller<CommunitiesController>(Office).Details(1, default));
        foreach (var (party, user) in Parties)
        {
            foreach (var sort in new string?[] { null, "community", "unit", "start" })
            {
                Add($"pairings page of the {party}, {sort ?? "by status"}", dry => dry.Controller<PairingsController>(user).Index(new PairingListQuery { Sort = sort }, default));
            }
            Add($"pairing details for the {party}", dry => dry.Controller<PairingsController>(user).Details(1, default));
            Add($"activities page of the {party}", dry => dry.Controller<ActivitiesController>(user).Index(new ActivityListQuery(), default));
            Add($"activities page of the {party}, sorted by date", dry => dry.Controller<ActivitiesController>(user).Index(new ActivityListQuery { Sort = "date", Desc = true }, default));
            Add($"activity details for the {party}", dry => dry.Controller<ActivitiesController>(user).Details(1, default));
            Add($"agreements page of the {party}", dry => dry.Controller<AgreementsController>(user).Index(new AgreementListQuery(), default));
            Add($"agreement details for the {party}", dry => dry.Controller<AgreementsController>(user).Details(1, default));
            Add($"agreement print view for the {party}", dry => dry.Controller<AgreementsController>(user).Print(1, default));
            Add($"tasks page of the {party}", dry => dry.Controller<TasksController>(user).Index(new TaskListQuery(), default));
            Add($"tasks page of the {party}, overdue", dry => dry.Controller<TasksController>(user).Index(new TaskListQuery { Overdue = true, Street = "金墩街道", UnitId = 1 }, default));
            Add($"task details for the {party}", dry => dry.Controller<TasksController>(user).Details(1, default));
            Add($"inspections page of the {party}", dry => dry.Controller<InspectionsController>(user).Index(null, 1, default));
            // The lists' exports stream their own queries when the file is written.
            Add($"pairings export of the {party}", dry => Streamed(dry.Controller<PairingsController>(user), c => c.Export(new PairingListQuery { Status = PairingStatus.Active, Street = "金墩街道" }, "csv")));
            Add($"agreements export of the {party}", dry => Streamed(dry.Controller<AgreementsController>(user), c => c.Export(new AgreementListQuery { Status = AgreementStatus.Filed }, "csv")));
            Add($"tasks export of the {party}", dry => Streamed(dry.Controller<TasksController>(user), c => c.Export(new TaskListQuery { Overdue = true, Street = "金墩街道", UnitId = 1 }, "csv")));
            Add($"inspections export of the {party}", dry => Streamed(dry.Controller<InspectionsController>(user), c => c.Export(1, "csv")));
            Add($"needs page of the {party}", dry => dry.Controller<NeedsController>(user).Index(new NeedListQuery(), default));
            Add($"needs page of the {party}, every filter", dry => dry.Controller<NeedsController>(user).Index(new NeedListQuery
            {
                Q = "垃圾", Status = NeedStatus.Published, Category = ActivityCategory.Infrastructure, Overdue = true, Street = "下沙街道",
            }, default));
            Add($"need details for the {party}", dry => dry.Controller<NeedsController>(user).Details(1, default));
            Add($"aid households page of the {party}, every filter", dry => dry.Controller<AidHouseholdsController>(user).Index(new AidHouseholdListQuery
            {
                Q = "陈", Status = AidStatus.InAid, Overdue = true, Street = "城厢街道",
            }, default));
            Add($"aid household details for the {party}", dry => dry.Controller<AidHouseholdsController>(user).Details(1, default));
            Add($"funding requests page of the {party}", dry => dry.Controller<FundingController>(user).Index(new FundingListQuery { Q = "垃圾池", Status = FundingStatus.Approved }, default));
            Add($"funding request details for the {party}", dry => dry.Controller<FundingController>(user).Details(1, default));
            Add($"members page of the {party}", dry => dry.Controller<MembersController>(user).Index(new MemberListQuery(), default));
            Add($"members page of the {party}, every filter", dry => dry.Controller<MembersController>(user).Index(new MemberListQuery
                { Q = "李", Unit = 1, Report = MemberReportStatus.Accepted }, default));
            Add($"members page of the {party}, not reported", dry => dry.Controller<MembersController>(user).Index(new MemberListQuery { NotReported = true }, default));
            Add($"member details for the {party}", dry => dry.Controller<MembersController>(user).Details(1, default));
            Add($"members panel of the {party}'s home page", dry => dry.Component<MembersPanelViewComponent>(user).InvokeAsync());
            if (user != Office)
            {
                Add($"aid households panel of the {party}'s home page", dry => dry.Component<AidHouseholdsPanelViewComponent>(user).InvokeAsync());
            }
            Add($"activities page of the {party}, aid visits", dry => dry.Controller<ActivitiesController>(user).Index(new ActivityListQuery
                { Status = ActivityStatus.Confirmed, From = Today.AddDays(-90), AidVisits = true }, default));
        }
        Add("secretary's inbox", dry => dry.Controller<ActivitiesController>(Secretary).Inbox(default));
        Add("activity log form", dry => dry.Controller<ActivitiesController>(Liaison).Log(1, null, default));
        Add("activity log form for a household", dry => dry.Controller<ActivitiesController>(Liaison).Log(1, 1, default));
        Add("aid households by street", dry => dry.Controller<AidHouseholdsController>(Office).Overview(new AidOverviewQuery(), default));
        Add("aid household form", dry => dry.Controller<AidHouseholdsController>(Secretary).Create(default));
        Add("pairing proposal form with searches", dry => dry.Controller<PairingsController>(Office).Propose(1, 1, "局", "社区", default));
        Add("pairing suggestions for a community", dry => dry.Controller<PairingsController>(Office).Suggestions(1, default));
        Add("pairing date correction form", dry => dry.Controller<PairingsController>(Office).CorrectDates(1, default));
        Add("agreement draft form", dry => dry.Controller<AgreementsController>(Liaison).Create(1, default));
        Add("agreement edit form", dry => dry.Controller<AgreementsController>(Liaison).Edit(1, default));
        Add("coverage page", dry => dry.Controller<CoverageController>(Office).Index(null, null, default));
        Add("coverage page, one street", dry => dry.Controller<CoverageController>(Office).Index("金墩街道", CommunityKind.Village, default));
        Add("inspection form", dry => dry.Controller<InspectionsController>(Office).Record(1, default));
        Add("checklist page", dry => dry.Controller<ChecklistController>(Office).Index(default));
        Add("audit log", dry => dry.Controller<AuditController>(Admin).Index(new AuditListQuery(), default));
        Add("audit log, every filter", dry => dry.Controller<AuditController>(Admin).Index(new AuditListQuery
        {
            Q = "x", Entity = "Unit", EntityId = "1", User = "demo.office", Action = CivicPairing.Web.Auditing.AuditAction.Update, From = new DateOnly(2026, 1, 1), To = Today,
        }, default));
        Add("assessment periods", dry => dry.Controller<AssessmentController>(Office).Index(default));
        Add("assessment period details", dry => dry.Controller<AssessmentController>(Office).Details(1, default));
        Add("needs by street and category", dry => dry.Controller<NeedsController>(Office).Overview(default));
        Add("funding request form of a liaison", dry => dry.Controller<FundingController>(Liaison).Create(default));
        Add("members reported by unit", dry => dry.Controller<MembersController>(Office).Overview(new MemberListQuery(), default));
        Add("quarterly feedback of a liaison's unit", dry => dry.Controller<FeedbackController>(Liaison).Index(null, 2026, 4, default));
        Add("quarterly feedback of a unit for the office", dry => dry.Controller<FeedbackController>(Office).Index(1, 2026, 3, default));
        Add("quarterly feedback print view", dry => dry.Controller<FeedbackController>(Liaison).Print(null, 2026, 4, default));
        Add("a party member's own page", dry => dry.Controller<MeController>(SqlServerDryRun.User(Roles.PartyMember, memberId: 1)).Index(default));
        Add("public reports", dry => dry.Controller<PublicReportsController>(Office).Index(default));
        Add("notifications page", dry => dry.Controller<CivicPairing.Web.Features.Notifications.NotificationsController>(Secretary).Index(null, default));
        Add("notifications page, older ones", dry => dry.Controller<CivicPairing.Web.Features.Notifications.NotificationsController>(Secretary).Index(100, default));
        Add("group robots page", dry => dry.Controller<CivicPairing.Web.Features.Notifications.WebhooksController>(Office).Index(default));
        Add("office staff told of notices", dry => CivicPairing.Web.Features.Notifications.NotificationRules.OfficeAsync(dry.Db, default));
        Add("what a notice is about, for each record type", async dry =>
        {
            object[] records =
            [
                new Pairing { Id = 1, UnitId = 1, CommunityId = 1 }, new Agreement { Id = 1, PairingId = 1 }, new Activity { Id = 1, PairingId = 1 },
                new AgreementTask { Id = 1, AgreementId = 1 }, new CivicPairing.Domain.Needs.Need { Id = 1, CommunityId = 1 },
                new CivicPairing.Domain.Scoring.PublishedReport { Id = 1, PeriodId = 1 },
                new CivicPairing.Domain.Inspections.Inspection { Id = 1, PairingId = 1, RectificationDeadline = Today },
            ];
            foreach (var record in records)
            {
                try
                {
                    await CivicPairing.Web.Features.Notifications.NotificationRules.AboutAsync(dry.Db, record, default);
                }
                catch (InvalidOperationException)
                {
                    // The dry run answers no row; its SQL is written down all the same.
                }
            }
        });
        Add("notification escalation, planning and delivery", async dry =>
        {
            var work = dry.Get<CivicPairing.Web.Features.Notifications.NotificationWork>();
            await work.TryTakeLeaseAsync("dry", default);
            await work.PlanAsync(default);
            await work.DeliverAsync(default);
        });
        return cases;
    }

    /// <summary>Writes an export (to nowhere), so the query it streams from is sent.</summary>
    private static Task Streamed<T>(T controller, Func<T, Microsoft.AspNetCore.Mvc.IActionResult> export) where T : Microsoft.AspNetCore.Mvc.Controller =>
        export(controller).ExecuteResultAsync(controller.ControllerContext);
}
