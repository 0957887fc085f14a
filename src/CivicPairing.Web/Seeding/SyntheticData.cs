using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Funding;
using CivicPairing.Domain.AidHouseholds;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Seeding;

/// <summary>How much a synthetic world holds (quality.md: the city of the demo, the province of the benchmark).</summary>
public sealed record SyntheticScale(string Name, int Units, int Communities, int Pairings, int Activities, int TasksPerAgreement)
{
    public static readonly SyntheticScale City = new("city", 60, 40, 90, 3_000, 4);
    public static readonly SyntheticScale Province = new("province", 5_000, 12_000, 25_000, 1_000_000, 6);

    /// <summary>The province's registry with only 10,000 activities: the benchmark's small table.</summary>
    public static readonly SyntheticScale ProvinceSmall = new("province-small", 5_000, 12_000, 25_000, 10_000, 6);

    public static SyntheticScale? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "city" => City,
        "province" => Province,
        "province-small" => ProvinceSmall,
        _ => null,
    };
}

/// <summary>
/// Fills an empty SQLite database with a deterministic world (same seed, same rows): units,
/// communities, pairings, filed agreements with tasks, and two years of activities ending
/// 2026-10-31, most confirmed and rated. Rows go in by prepared statements in one transaction per
/// table, not one SaveChanges per row, so a million activities take seconds.
/// </summary>
public sealed class SyntheticData(AppDbContext db, int seed, SyntheticScale scale, TextWriter log)
{
    public static readonly DateOnly FirstDay = new(2024, 11, 1);
    public static readonly DateOnly LastDay = new(2026, 10, 31);

    private static readonly string[] Cities = ["江宁", "滨海", "青山", "白云", "金沙", "柳城", "东湖", "南屏", "西岭", "北塘", "石桥", "龙泉", "凤鸣", "梅林", "松江", "桃源", "云台", "清河", "望江", "长乐"];
    private static readonly string[] Bureaus = ["财政局", "公安局", "住建局", "水务局", "审计局", "司法局", "人社局", "科技局", "环保局", "交通局", "卫健委", "农业农村局", "教育局", "文旅局", "民政局", "商务局", "市场监管局", "税务局", "供电公司", "农商银行", "人民医院", "第一中学", "实验小学", "邮政公司", "移动公司", "电信公司", "供销社", "红十字会", "检察院", "法院"];
    private static readonly string[] Places = ["金", "银", "新", "和", "安", "康", "兴", "盛", "华", "光", "明", "德", "仁", "义", "信", "平", "福", "寿", "春", "秋"];
    private static readonly string[] Places2 = ["墩", "桥", "坝", "城", "园", "湖", "山", "岭", "塘", "湾", "港", "庄", "泉", "林", "巷", "坡", "洲", "河", "亭", "台"];
    private static readonly string[] Titles = ["周六义务劳动", "清理小区垃圾", "走访慰问困难家庭", "法律咨询进社区", "义诊和健康讲座", "防诈骗宣传", "党课进社区", "修复路灯和窨井盖", "捐赠图书", "联席会议", "文艺演出", "垃圾分类宣传"];

    private readonly Random _random = new(seed);
    private int[] _staff = [];
    private DbConnection _connection = null!;
    private DbTransaction _transaction = null!;

    public async Task RunAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("The generator fills the embedded SQLite database; load SQL Server by import or by copying a generated file.");
        }
        if (await db.Units.AnyAsync(ct) || await db.Communities.AnyAsync(ct))
        {
            throw new InvalidOperationException("The database holds units or communities already; generate into an empty database (a new ConnectionStrings:Default file).");
        }
        _connection = db.Database.GetDbConnection();
        await _connection.OpenAsync(ct);
        var total = Stopwatch.StartNew();
        await Step("units", () => Units(ct));
        await Step("communities", () => Communities(ct));
        var pairings = await Step("pairings", () => Pairings(ct));
        await Step("agreements and tasks", () => AgreementsAndTasks(pairings, ct));
        await Step("activities", () => Activities(pairings, ct));
        await Step("needs and funding requests", () => NeedsAndFunding(pairings, ct));
        await Step("aid households", () => AidHouseholds(pairings, ct));
        await Step("party members", () => PartyMembers(ct));
        await Infrastructure.DatabaseSetup.RefreshStatisticsAsync(db, ct);
        await log.WriteLineAsync($"Generated the {scale.Name} world (seed {seed}) in {total.Elapsed.TotalSeconds:F1} s.");
    }

    private async Task<T> Step<T>(string what, Func<Task<T>> run)
    {
        var watch = Stopwatch.StartNew();
        _transaction = await _connection.BeginTransactionAsync();
        var result = await run();
        await _transaction.CommitAsync();
        await _transaction.DisposeAsync();
        await log.WriteLineAsync($"  {what}: {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private async Task<int> Units(CancellationToken ct)
    {
        using var insert = Prepare("INSERT INTO Units (Id, Name, Kind, CivilizedLevel, LeaderName, ResponsibleLeaderName, StaffCount, PartyMemberCount, Strengths, IsActive, CreatedAt, Version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11)", 11);
        var created = new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        _staff = new int[scale.Units + 1];
        for (var id = 1; id <= scale.Units; id++)
        {
            var name = $"{Cities[id % Cities.Length]}{Bureaus[(id / Cities.Length) % Bureaus.Length]}{(id > Cities.Length * Bureaus.Length ? (id / (Cities.Length * Bureaus.Length)).ToString(CultureInfo.InvariantCulture) + "分部" : "")}";
            var staff = _staff[id] = _random.Next(20, 2000);
            await Run(insert, ct, id, name, _random.Next(1, 10), _random.Next(0, 4), "负责人" + id, "分管" + id, staff, staff / 3, _random.Next(1, 1 << 16), created, Guid(id));
        }
        return scale.Units;
    }

    private async Task<int> Communities(CancellationToken ct)
    {
        using var insert = Prepare("INSERT INTO Communities (Id, Name, Kind, Street, SecretaryName, Households, Population, PartyMemberCount, Weaknesses, Industries, IsActive, CreatedAt, Version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12)", 12);
        var created = new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        for (var id = 1; id <= scale.Communities; id++)
        {
            var village = id % 3 == 0;
            var name = $"{Places[id % 20]}{Places2[(id / 20) % 20]}{(id > 400 ? (id / 400).ToString(CultureInfo.InvariantCulture) : "")}{(village ? "村" : "社区")}";
            var street = $"{Cities[(id / 7) % Cities.Length]}{(village ? "镇" : "街道")}{(id / 140 + 1).ToString(CultureInfo.InvariantCulture)}";
            var households = _random.Next(150, 3500);
            await Run(insert, ct, id, name, village ? 2 : 1, street, "书记" + id, households, households * 3, households / 20,
                _random.Next(0, 32), village ? _random.Next(1, 32) : 0, created, Guid(1_000_000 + id));
        }
        return scale.Communities;
    }

    /// <summary>Each pairing: a unit and a community, in force since a day in the first months.</summary>
    private async Task<List<(int Id, int UnitId, DateOnly Start)>> Pairings(CancellationToken ct)
    {
        using var insert = Prepare("INSERT INTO Pairings (Id, UnitId, CommunityId, Status, ProposedBy, StartDate, CreatedAt, Version) VALUES ($1, $2, $3, 2, 3, $4, $5, $6)", 6);
        using var history = Prepare("INSERT INTO PairingEvents (PairingId, At, Actor, \"To\") VALUES ($1, $2, 'generator', 2)", 2);
        var pairings = new List<(int, int, DateOnly)>(scale.Pairings);
        var seen = new HashSet<(int, int)>();
        var id = 0;
        while (pairings.Count < scale.Pairings)
        {
            var unit = _random.Next(1, scale.Units + 1);
            var community = pairings.Count < scale.Communities ? pairings.Count + 1 : _random.Next(1, scale.Communities + 1);
            if (!seen.Add((unit, community)))
            {
                continue;
            }
            id++;
            var start = FirstDay.AddDays(-_random.Next(0, 120));
            var at = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks;
            await Run(insert, ct, id, unit, community, start, at, Guid(2_000_000 + id));
            await Run(history, ct, id, at);
            pairings.Add((id, unit, start));
        }
        return pairings;
    }

    private async Task<int> AgreementsAndTasks(List<(int Id, int UnitId, DateOnly Start)> pairings, CancellationToken ct)
    {
        using var agreement = Prepare("INSERT INTO Agreements (Id, PairingId, Number, Title, FocusAreas, Principles, StartDate, EndDate, VisitsPerMonth, CoordinationMeetingsPerQuarter, JointMeetingsPerHalfYear, Status, UnitSignatory, UnitSignedOn, CommunitySignatory, CommunitySignedOn, FiledOn, FiledBy, VersionNumber, CreatedAt, Version) VALUES ($1, $2, $3, $4, 63, '互惠双赢；彰显特色；因地制宜。', $5, $6, 1, 1, 1, 4, '负责人', $5, '书记', $5, $5, 'generator', 1, $7, $8)", 8);
        using var task = Prepare("INSERT INTO AgreementTasks (AgreementId, Number, Title, DueDate, Status, Version, ReportedBy, ConfirmedBy) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", 8);
        foreach (var (id, _, start) in pairings)
        {
            var end = LastDay.AddMonths(4);
            await Run(agreement, ct, id, id, $"GEN-{id:000000}", $"结对共建协议书（{id}）", start, end, new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks, Guid(3_000_000 + id));
            for (var n = 1; n <= scale.TasksPerAgreement; n++)
            {
                var due = start.AddDays(_random.Next(60, end.DayNumber - start.DayNumber));
                var status = due < LastDay ? (_random.Next(10) < 7 ? AgreementTaskStatus.Confirmed : AgreementTaskStatus.Open) : AgreementTaskStatus.Open;
                await Run(task, ct, id, n, Titles[_random.Next(Titles.Length)] + "任务", due, (int)status, Guid(4_000_000 + id * 10 + n),
                    status == AgreementTaskStatus.Confirmed ? "generator" : null, status == AgreementTaskStatus.Confirmed ? "generator" : null);
            }
        }
        return pairings.Count;
    }

    private async Task<int> Activities(List<(int Id, int UnitId, DateOnly Start)> pairings, CancellationToken ct)
    {
        using var insert = Prepare("INSERT INTO Activities (Id, PairingId, Date, Category, Title, PeopleSent, PersonHours, LeaderTookPart, Funds, PeopleServed, Status, Rating, SubmittedAt, SubmittedBy, DecidedAt, DecidedBy, SubmissionKey, Version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'generator', $14, $15, $16, $17)", 17);
        using var history = Prepare("INSERT INTO ActivityEvents (ActivityId, At, Actor, \"From\", \"To\") VALUES ($1, $2, 'generator', $3, $4)", 4);
        var days = LastDay.DayNumber - FirstDay.DayNumber + 1;
        for (var id = 1; id <= scale.Activities; id++)
        {
            var (pairingId, unitId, _) = pairings[_random.Next(pairings.Count)];
            var date = FirstDay.AddDays(_random.Next(days));
            var people = Math.Min(_random.Next(2, 50), _staff[unitId]);
            var roll = _random.Next(100);
            var status = roll < 85 ? ActivityStatus.Confirmed : roll < 95 ? ActivityStatus.Submitted : ActivityStatus.Disputed;
            var submitted = new DateTimeOffset(date.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero).UtcTicks;
            long? decided = status == ActivityStatus.Submitted ? null : submitted + TimeSpan.TicksPerDay * _random.Next(1, 8);
            var category = _random.Next(1, 12);
            await Run(insert, ct, id, pairingId, date, category, Titles[_random.Next(Titles.Length)], people, Decimal(people * _random.Next(2, 7)),
                _random.Next(5) == 0 ? 1 : 0, Decimal(_random.Next(10) == 0 ? _random.Next(1, 50) * 1000 : 0), _random.Next(0, 400), (int)status,
                status == ActivityStatus.Confirmed ? Math.Clamp(_random.Next(2, 7), 1, 5) : null, submitted, decided,
                decided is null ? null : "generator", Guid(10_000_000 + id), Guid(20_000_000 + id));
            await Run(history, ct, id, submitted, null, (int)ActivityStatus.Submitted);
            if (decided is { } at)
            {
                await Run(history, ct, id, at, (int)ActivityStatus.Submitted, (int)status);
            }
            if (id % 200_000 == 0)
            {
                await log.WriteLineAsync($"    {id:N0} activities");
            }
        }
        return scale.Activities;
    }

    /// <summary>
    /// Two needs a community over the two years, most taken by its first paired unit and rated, some open, overdue, returned or
    /// withdrawn; a funding request for one community in four, pledged by its unit, most approved and part paid with a voucher row.
    /// </summary>
    private async Task<int> NeedsAndFunding(List<(int Id, int UnitId, DateOnly Start)> pairings, CancellationToken ct)
    {
        using var need = Prepare("INSERT INTO Needs (Id, CommunityId, Title, Category, Place, WantedBy, Skills, Budget, Status, PostedAt, PostedBy, PublishedAt, DispatchedToUnitId, TakenByUnitId, TakenAt, ReportNote, ReportedAt, Rating, RatedAt, Version) VALUES ($1, $2, $3, $4, '社区', $5, $6, $7, $8, $9, 'generator', $10, $11, $12, $13, $14, $15, $16, $17, $18)", 18);
        using var history = Prepare("INSERT INTO NeedEvents (NeedId, At, Actor, \"To\") VALUES ($1, $2, 'generator', 1)", 2);
        using var request = Prepare("INSERT INTO FundingRequests (Id, CommunityId, Title, Purpose, Amount, Pledged, Paid, Status, RequestedAt, RequestedBy, DecidedAt, DecidedBy, Version) VALUES ($1, $2, $3, '社区建设资金', $4, $5, $6, $7, $8, 'generator', $9, $10, $11)", 11);
        using var line = Prepare("INSERT INTO BudgetLine (RequestId, Number, Item, Amount) VALUES ($1, $2, $3, $4)", 4);
        using var pledge = Prepare("INSERT INTO Pledge (RequestId, UnitId, Amount, At, \"By\") VALUES ($1, $2, $3, $4, 'generator')", 4);
        using var voucher = Prepare("INSERT INTO EvidenceFiles (Id, StoredName, OriginalName, ContentType, Length, UploadedAt, UploadedBy) VALUES ($1, $2, '凭证.pdf', 'application/pdf', 1024, $3, 'generator')", 3);
        using var payment = Prepare("INSERT INTO FundingPayments (RequestId, UnitId, Amount, PaidOn, VoucherId, At, \"By\") VALUES ($1, $2, $3, $4, $5, $6, 'generator')", 6);
        var days = LastDay.DayNumber - FirstDay.DayNumber + 1;
        var id = 0;
        for (var community = 1; community <= scale.Communities; community++)
        {
            var unit = pairings[community - 1].UnitId;
            for (var k = 0; k < 2; k++)
            {
                id++;
                var wanted = FirstDay.AddDays(_random.Next(days + 90));
                var posted = Ticks(wanted.AddDays(-_random.Next(14, 90)));
                var roll = _random.Next(100);
                var status = wanted > LastDay
                    ? (roll < 25 ? NeedStatus.Submitted : roll < 55 ? NeedStatus.Published : roll < 65 ? NeedStatus.Dispatched : roll < 90 ? NeedStatus.Taken : NeedStatus.ReportedDone)
                    : (roll < 65 ? NeedStatus.Rated : roll < 75 ? NeedStatus.Taken : roll < 82 ? NeedStatus.Published : roll < 91 ? NeedStatus.Withdrawn : NeedStatus.Returned);
                var published = status is NeedStatus.Submitted or NeedStatus.Returned or NeedStatus.Withdrawn ? (long?)null : posted + TimeSpan.TicksPerDay * 2;
                var taken = status is NeedStatus.Taken or NeedStatus.ReportedDone or NeedStatus.Rated ? published + TimeSpan.TicksPerDay * _random.Next(1, 15) : null;
                var reported = status is NeedStatus.ReportedDone or NeedStatus.Rated ? taken + TimeSpan.TicksPerDay * _random.Next(3, 30) : null;
                var rated = status == NeedStatus.Rated ? reported + TimeSpan.TicksPerDay * _random.Next(1, 5) : null;
                await Run(need, ct, id, community, Titles[_random.Next(Titles.Length)] + "需求", _random.Next(1, 12), wanted, 1 << _random.Next(16),
                    _random.Next(4) == 0 ? Decimal(_random.Next(1, 60) * 1000) : null, (int)status, posted, published,
                    status == NeedStatus.Dispatched ? unit : null, taken is null ? null : unit, taken, reported is null ? null : "已完成。", reported,
                    rated is null ? null : Math.Clamp(_random.Next(2, 7), 1, 5), rated, Guid(40_000_000 + id));
                await Run(history, ct, id, posted);
            }
            if (community % 4 != 0)
            {
                continue;
            }
            var requestId = community / 4;
            var (first, second) = (_random.Next(2, 60) * 1000m, _random.Next(1, 20) * 500m);
            var amount = first + second;
            var asked = Ticks(FirstDay.AddDays(_random.Next(days)));
            var approved = _random.Next(10) < 8;
            var pledged = approved || _random.Next(2) == 0 ? amount : 0m;
            var paid = approved && _random.Next(3) > 0 ? decimal.Round(pledged / 2, 2) : 0m;
            await Run(request, ct, requestId, community, "社区设施建设资金申请", Decimal(amount), Decimal(pledged), Decimal(paid), (int)(approved ? FundingStatus.Approved : FundingStatus.Submitted),
                asked, approved ? asked + TimeSpan.TicksPerDay * 7 : null, approved ? "generator" : null, Guid(50_000_000 + requestId));
            await Run(line, ct, requestId, 1, "设施建设", Decimal(first));
            await Run(line, ct, requestId, 2, "办公室改造配置", Decimal(second));
            if (pledged > 0)
            {
                await Run(pledge, ct, requestId, unit, Decimal(pledged), asked + TimeSpan.TicksPerDay * 3);
            }
            if (paid > 0)
            {
                var voucherId = Guid(60_000_000 + requestId);
                var on = DateOnly.FromDateTime(new DateTime(asked + TimeSpan.TicksPerDay * 14, DateTimeKind.Utc));
                await Run(voucher, ct, voucherId, $"gen-voucher-{requestId}.pdf", asked + TimeSpan.TicksPerDay * 14);
                await Run(payment, ct, requestId, unit, Decimal(paid), on > LastDay ? LastDay : on, voucherId, asked + TimeSpan.TicksPerDay * 14);
            }
        }
        return id;
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenNames = ["德顺", "桂兰", "秀英", "建国", "小军", "玉梅", "大海", "翠花", "长林", "淑珍", "福生", "金凤"];
    private static readonly string[] Measures = ["申请低保复核", "大病医疗救助", "危房修缮", "公益性岗位", "养殖技术培训", "务工就业推荐", "子女助学", "节日走访慰问"];

    /// <summary>
    /// 帮扶对象: two to four households for each village that is the community of one of the first pairings (each
    /// community's first pairing), with plans of two to four measures; about one in five 已脱困 (with a voucher-like
    /// evidence row, no bytes) and one in ten closed. Drawn from a random of its own, so the rest of the world stays as
    /// it was for a seed.
    /// </summary>
    private async Task<int> AidHouseholds(List<(int Id, int UnitId, DateOnly Start)> pairings, CancellationToken ct)
    {
        using var household = Prepare("INSERT INTO AidHouseholds (Id, CommunityId, PairingId, HeadName, MemberCount, Difficulties, ResponsibleName, IncomePerPerson, Status, ClosedReason, DecidedAt, DecidedBy, CreatedAt, CreatedBy, Version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'generator', $14)", 14);
        using var measure = Prepare("INSERT INTO AidMeasures (AidHouseholdId, Text, TargetDate, DoneOn) VALUES ($1, $2, $3, $4)", 4);
        using var evidence = Prepare("INSERT INTO EvidenceFiles (Id, StoredName, OriginalName, ContentType, Length, UploadedAt, UploadedBy, AidHouseholdId) VALUES ($1, $2, '脱困验收表.pdf', 'application/pdf', 1024, $3, 'generator', $4)", 4);
        var random = new Random(seed + 11);
        var id = 0;
        var days = LastDay.DayNumber - FirstDay.DayNumber;
        foreach (var (pairingId, _, start) in pairings.Take(scale.Communities))
        {
            var communityId = pairingId; // the first pairings take the communities in order
            if (communityId % 3 != 0)
            {
                continue; // villages only
            }
            for (var n = random.Next(2, 5); n > 0; n--)
            {
                id++;
                var roll = random.Next(100);
                var status = roll < 20 ? AidStatus.LiftedOut : roll < 30 ? AidStatus.Closed : AidStatus.InAid;
                var created = start.AddDays(random.Next(0, 60));
                var decided = status == AidStatus.InAid ? (long?)null : Ticks(FirstDay.AddDays(random.Next(days)));
                var income = random.Next(4) == 0 ? null : Decimal(random.Next(15, 80) * 100m);
                await Run(household, ct, id, communityId, pairingId, Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                    random.Next(1, 7), 1 << random.Next(8), "党员" + id, income, (int)status, status == AidStatus.Closed ? "迁出本村" : null,
                    decided, decided is null ? null : "generator", Ticks(created), Guid(700_000_000 + id));
                for (var m = random.Next(2, 5); m > 0; m--)
                {
                    var target = FirstDay.AddDays(random.Next(days + 90));
                    var done = status != AidStatus.InAid || random.Next(3) > 0 ? target.AddDays(-random.Next(0, 20)) : (DateOnly?)null;
                    await Run(measure, ct, id, Measures[random.Next(Measures.Length)], target, done > LastDay ? LastDay : done);
                }
                if (status == AidStatus.LiftedOut)
                {
                    await Run(evidence, ct, Guid(800_000_000 + id), "aid-" + id.ToString(CultureInfo.InvariantCulture) + ".pdf", decided, id);
                }
            }
        }
        return id;
    }

    private static readonly string[] MemberSurnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
    private static readonly string[] MemberGivenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞"];

    /// <summary>
    /// 在职党员: three per unit, living in some community; two of three reported and accepted there, each with a few confirmed
    /// service records after the acceptance; the third not reported. Drawn last, so the rest of the world stays as it was.
    /// </summary>
    private async Task<int> PartyMembers(CancellationToken ct)
    {
        using var member = Prepare("INSERT INTO PartyMembers (Id, UnitId, Name, Phone, ResidenceCommunityId, RegisteredAt, RegisteredBy, IsActive, Version) VALUES ($1, $2, $3, $4, $5, $6, 'generator', 1, $7)", 7);
        using var report = Prepare("INSERT INTO MemberReports (Id, MemberId, CommunityId, Status, ReportedAt, ReportedBy, AcceptedOn, DecidedAt, DecidedBy, Version) VALUES ($1, $2, $3, 2, $4, 'generator', $5, $6, 'generator', $7)", 7);
        using var service = Prepare("INSERT INTO MemberServices (ReportId, MemberId, CommunityId, Date, Hours, Description, Status, RecordedByMember, RecordedBy, RecordedAt, Remark, DecidedAt, DecidedBy, Version) VALUES ($1, $2, $3, $4, $5, $6, 2, 1, 'generator', $7, '表现良好', $8, 'generator', $9)", 9);
        var registered = new DateTimeOffset(2024, 10, 15, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        var days = LastDay.DayNumber - FirstDay.DayNumber + 1;
        var id = 0;
        long serviceId = 0;
        for (var unit = 1; unit <= scale.Units; unit++)
        {
            for (var k = 0; k < 3; k++)
            {
                id++;
                var community = _random.Next(1, scale.Communities + 1);
                var name = MemberSurnames[_random.Next(MemberSurnames.Length)] + MemberGivenNames[_random.Next(MemberGivenNames.Length)] + MemberGivenNames[_random.Next(MemberGivenNames.Length)];
                await Run(member, ct, id, unit, name, "139" + id.ToString("D8", CultureInfo.InvariantCulture), community, registered, Guid(70_000_000 + id));
                if (k == 2)
                {
                    continue;
                }
                var accepted = FirstDay.AddDays(_random.Next(120));
                await Run(report, ct, id, id, community, Ticks(accepted.AddDays(-3)), accepted, Ticks(accepted), Guid(80_000_000 + id));
                for (var n = _random.Next(0, 5); n > 0; n--)
                {
                    serviceId++;
                    var on = accepted.AddDays(_random.Next(days - 120));
                    await Run(service, ct, id, id, community, on > LastDay ? LastDay : on, Decimal(_random.Next(1, 9) / 2m), Titles[_random.Next(Titles.Length)],
                        Ticks(on), Ticks(on) + TimeSpan.TicksPerDay, Guid(90_000_000 + serviceId));
                }
            }
        }
        return id;
    }

    private static long Ticks(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks;

    private DbCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "$" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(p);
        }
        return command;
    }

    /// <summary>Binds values the way EF Core's SQLite provider stores them (dates as text, decimals as text, Guids as upper-case text).</summary>
    private async Task Run(DbCommand command, CancellationToken ct, params object?[] values)
    {
        command.Transaction = _transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => values[i],
            };
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Decimal(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    /// <summary>Deterministic "Guids" so the same seed gives byte-identical files.</summary>
    private static string Guid(long n) => new Guid(0, 0, 0, BitConverter.GetBytes(n)).ToString().ToUpperInvariant();
}
