using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using S = CivicPairing.Domain.Registry.Strengths;

namespace CivicPairing.Web.Seeding;

/// <summary>
/// The city of the source cases (shared/seeds): the units and communities named there, their
/// pairings, and one account per role. Only in Development (or the test host), only into an empty database.
/// Placed relative to the injected clock's today (<see cref="DemoCalendar"/>); 篇4's 2017 pairing stays as written.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "Demo@2026pass";

    public static readonly IReadOnlyList<(string UserName, string Role, string DisplayName, string? Unit, string? Community)> Accounts =
    [
        ("demo.admin", Roles.Admin, "系统管理员", null, null),
        ("demo.office", Roles.CivilizationOffice, "文明办 王科长", null, null),
        ("demo.liaison", Roles.UnitLiaison, "市财政局 联络员 张敏", "市财政局", null),
        ("demo.secretary", Roles.CommunitySecretary, "金墩社区 书记 陈红", null, "金墩社区"),
        ("demo.member", Roles.PartyMember, "市财政局 在职党员 李华", "市财政局", null),
    ];

    public static bool IsEnabled(IHostEnvironment environment, IConfiguration configuration) =>
        (environment.IsDevelopment() || environment.IsEnvironment("Testing")) && configuration.GetValue("Demo:Enabled", false);

    public static async Task SeedDemoDataIfEnabledAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await RoleSeeder.EnsureRolesAsync(scope.ServiceProvider);
        if (IsEnabled(app.Environment, app.Configuration))
        {
            await SeedAsync(scope.ServiceProvider);
        }
    }

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Units.AnyAsync() || await db.Communities.AnyAsync())
        {
            return;
        }
        await RoleSeeder.EnsureRolesAsync(services);
        var clock = services.GetRequiredService<CityClock>();
        var now = clock.Now;
        var calendar = new DemoCalendar(clock.Today);

        var units = UnitRows.Select(r => new Unit
        {
            Name = r.Name, Kind = r.Kind, CivilizedLevel = r.Level, LeaderName = r.Leader, ResponsibleLeaderName = r.Responsible,
            StaffCount = r.Staff, PartyMemberCount = r.Party, Strengths = r.Strengths, CreatedAt = now,
        }).ToDictionary(u => u.Name);
        var communities = CommunityRows.Select(r => new Community
        {
            Name = r.Name, Kind = r.Kind, Street = r.Street, SecretaryName = r.Secretary, Households = r.Households,
            Population = r.Population, PartyMemberCount = r.Party, Weaknesses = r.Weaknesses, Industries = r.Industries, CreatedAt = now,
        }).ToDictionary(c => c.Name);

        var xiyan = communities["西焉村"];
        xiyan.VillagerGroups = 7;
        xiyan.FarmlandMu = 766;
        xiyan.CollectiveIncome = 1_260_000m;
        xiyan.Profile = "地处奓山街集镇，318国道穿境而过；水面140亩，村民代表25人，“两委”干部5人；大棚蔬菜46亩、大棚草莓20亩。";

        db.Units.AddRange(units.Values);
        db.Communities.AddRange(communities.Values);
        var pairings = new Dictionary<(string, string), Pairing>();
        foreach (var (unit, community, start) in PairingRows)
        {
            var startDate = (unit, community) == Case4 ? start : calendar.Date(start.Year, start.Month, start.Day);
            var pairing = Pairing.Propose(units[unit], communities[community], PairingProposer.Office, startDate, null, samePairOpen: false, "demo.office", now);
            pairings[(unit, community)] = pairing;
            db.Pairings.Add(pairing);
        }
        // 篇3 two-way choice: one proposal waiting for the office.
        db.Pairings.Add(Pairing.Propose(units["市第一人民医院"], communities["柳湾村"], PairingProposer.Unit, calendar.Date(2026, 12, 1),
            "柳湾村社会事业少，医院可定期开展义诊和健康讲座。", samePairOpen: false, "demo.liaison", now));
        db.Agreements.AddRange(DemoAgreements.Create(pairings, calendar, now));
        db.Activities.AddRange(DemoActivities.Create(pairings, calendar));
        await db.SaveChangesAsync();
        // Needs name units and communities by their keys, known from the first save on.
        db.Needs.AddRange(DemoNeeds.Create(units, communities, calendar));
        db.FundingRequests.AddRange(DemoNeeds.Funding(units, communities, calendar));
        await db.SaveChangesAsync();
        // 篇11's aid households, then the visit to one of them (it names the household by its key).
        var households = await DemoHouseholds.CreateAsync(pairings, communities, calendar, services.GetRequiredService<Infrastructure.Evidence.IEvidenceStore>());
        db.AidHouseholds.AddRange(households);
        await db.SaveChangesAsync();
        db.Activities.Add(DemoHouseholds.Visit(pairings, households[0], calendar));
        await db.SaveChangesAsync();
        // 篇6 双报到: 市财政局's members living in 金墩社区 report there.
        var members = DemoMembers.Members(units, communities, now);
        db.PartyMembers.AddRange(members);
        await db.SaveChangesAsync();
        var (reports, service) = DemoMembers.Work(members, calendar);
        db.MemberReports.AddRange(reports);
        db.MemberServices.AddRange(service);
        await db.SaveChangesAsync();

        await CreateAccountsAsync(services, units["市财政局"].Id, communities["金墩社区"].Id);
        await SeedNotificationsAsync(db, now);
    }

    /// <summary>
    /// The bell of a fresh demo is not empty: the notices the accounts would have had, had they existed when the demo's
    /// work was logged (activities waiting for the secretary, the proposal waiting for the office). Marked as planned, so no
    /// old news is sent anywhere.
    /// </summary>
    private static async Task SeedNotificationsAsync(AppDbContext db, DateTimeOffset now)
    {
        var secretaries = await db.Users.Where(u => u.CommunityId != null).Select(u => new { u.Id, u.CommunityId }).ToListAsync();
        var office = await Features.Notifications.NotificationRules.OfficeAsync(db, default);
        var waiting = await db.Activities.Where(a => a.Status == ActivityStatus.Submitted).ToListAsync();
        var proposals = await db.Pairings.Where(p => p.Status == PairingStatus.Proposed).ToListAsync();
        foreach (var (entity, kind, at) in waiting.Select(a => ((object)a, Features.Notifications.NotificationKind.ActivityToConfirm, a.SubmittedAt))
            .Concat(proposals.Select(p => ((object)p, Features.Notifications.NotificationKind.PairingToDecide, p.CreatedAt))))
        {
            var about = await Features.Notifications.NotificationRules.AboutAsync(db, entity, default);
            var recipients = kind == Features.Notifications.NotificationKind.PairingToDecide
                ? office
                : secretaries.Where(s => s.CommunityId == about.CommunityId).Select(s => s.Id).ToList();
            var eventId = Guid.NewGuid();
            db.Notifications.AddRange(recipients.Select(r => new Features.Notifications.Notification
            {
                RecipientId = r, Kind = kind, RecordType = about.Type, RecordId = about.Id, Link = about.Link, Subject = about.Subject,
                UnitId = about.UnitId, Street = about.Street, EventId = eventId, CreatedAt = at, PlannedAt = now,
            }));
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The demo accounts; the liaison acts for <paramref name="unitId"/>, the secretary for <paramref name="communityId"/>, and the
    /// party member signs in for the first member registered at <paramref name="unitId"/> (no account when the unit has none).
    /// </summary>
    public static async Task CreateAccountsAsync(IServiceProvider services, int unitId, int communityId)
    {
        await RoleSeeder.EnsureRolesAsync(services);
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var now = services.GetRequiredService<CityClock>().Now;
        var db = services.GetRequiredService<AppDbContext>();
        var memberId = await db.PartyMembers.Where(m => m.UnitId == unitId && m.IsActive).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync();
        foreach (var (userName, role, displayName, unit, community) in Accounts)
        {
            if (role == Roles.PartyMember && memberId is null)
            {
                continue;
            }
            var user = new AppUser
            {
                UserName = userName, DisplayName = displayName, CreatedAt = now,
                UnitId = unit is null || role == Roles.PartyMember ? null : unitId,
                CommunityId = community is null ? null : communityId,
                PartyMemberId = role == Roles.PartyMember ? memberId : null,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static readonly (string Name, UnitKind Kind, CivilizedLevel Level, string Leader, string Responsible, int Staff, int Party, Strengths Strengths)[] UnitRows =
    [
        // 篇1: the six units of 金墩社区 and the other named pairs.
        ("市财政局", UnitKind.GovernmentOrgan, CivilizedLevel.Province, "周建国", "刘志强", 86, 61, S.Finance | S.PartyBuilding),
        ("市公安局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "赵卫东", "孙立新", 420, 260, S.PublicSecurity | S.Legal),
        ("市农行", UnitKind.FinancialInstitution, CivilizedLevel.City, "钱永红", "李晓军", 310, 120, S.Finance | S.Agriculture),
        ("市住建局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "吴海涛", "郑斌", 95, 58, S.Housing | S.Infrastructure),
        ("市水务局", UnitKind.GovernmentOrgan, CivilizedLevel.None, "冯建华", "陈刚", 72, 40, S.Infrastructure | S.Environment),
        ("市审计局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "褚明", "卫东升", 48, 35, S.Finance | S.Legal),
        ("市信用联社", UnitKind.FinancialInstitution, CivilizedLevel.City, "蒋文斌", "沈佳", 260, 90, S.Finance | S.Agriculture),
        ("市工商局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "韩立", "杨光", 110, 66, S.Commerce | S.Legal),
        ("供电公司", UnitKind.StateOwnedEnterprise, CivilizedLevel.Province, "朱宏", "秦海", 530, 210, S.Infrastructure | S.SciTech),
        ("市环保局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "尤建平", "许芳", 64, 41, S.Environment),
        ("市司法局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "何正义", "吕晓", 58, 44, S.Legal),
        ("市人社局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "施振华", "张蕾", 120, 80, S.Employment | S.ElderlyCare),
        ("市检察院", UnitKind.GovernmentOrgan, CivilizedLevel.Province, "孔德明", "曹阳", 150, 118, S.Legal | S.PublicSecurity),
        ("市党史办", UnitKind.GovernmentOrgan, CivilizedLevel.None, "严文", "华丽", 18, 16, S.PartyBuilding | S.Culture),
        ("市科技局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "金科", "魏东", 45, 32, S.SciTech | S.Education),
        ("市地税局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "陶然", "姜涛", 140, 90, S.Finance),
        ("市国税局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "戚峰", "谢伟", 160, 98, S.Finance),
        ("市卫生局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "邹仁", "喻芳", 70, 48, S.Medical | S.ElderlyCare),
        ("市农委", UnitKind.GovernmentOrgan, CivilizedLevel.None, "柏青", "水利民", 88, 57, S.Agriculture),
        ("市药监局", UnitKind.GovernmentOrgan, CivilizedLevel.None, "窦安", "章明", 40, 28, S.Medical),
        ("市安监局", UnitKind.GovernmentOrgan, CivilizedLevel.None, "云帆", "苏安", 36, 25, S.PublicSecurity),
        ("市建行", UnitKind.FinancialInstitution, CivilizedLevel.City, "潘建", "葛新", 280, 105, S.Finance),
        ("市交通局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "奚路", "范通", 130, 76, S.Infrastructure),
        ("市计生委", UnitKind.GovernmentOrgan, CivilizedLevel.None, "彭和", "郎静", 30, 22, S.Medical | S.Youth),
        ("市红十字会", UnitKind.SocialOrganization, CivilizedLevel.City, "鲁爱", "韦仁", 15, 9, S.Medical | S.ElderlyCare),
        // 篇1: the laggards named in the report.
        ("太人保", UnitKind.FinancialInstitution, CivilizedLevel.None, "马保国", "苗林", 120, 30, S.Finance),
        ("太财保", UnitKind.FinancialInstitution, CivilizedLevel.None, "凤财", "花永", 95, 26, S.Finance),
        ("电信局", UnitKind.StateOwnedEnterprise, CivilizedLevel.None, "方信", "俞通", 380, 110, S.SciTech),
        ("移动公司", UnitKind.StateOwnedEnterprise, CivilizedLevel.None, "任动", "袁讯", 450, 130, S.SciTech),
        ("联通公司", UnitKind.StateOwnedEnterprise, CivilizedLevel.None, "柳联", "酆通", 260, 70, S.SciTech),
        ("人寿保险公司", UnitKind.FinancialInstitution, CivilizedLevel.None, "鲍寿", "史康", 200, 45, S.Finance),
        ("市经信委", UnitKind.GovernmentOrgan, CivilizedLevel.None, "唐经", "费信", 60, 40, S.Commerce),
        ("市发改委", UnitKind.GovernmentOrgan, CivilizedLevel.None, "廉改", "岑发", 75, 52, S.Commerce),
        ("市质监局", UnitKind.GovernmentOrgan, CivilizedLevel.None, "薛质", "雷检", 55, 33, S.SciTech),
        ("市工行", UnitKind.FinancialInstitution, CivilizedLevel.City, "贺工", "倪行", 330, 115, S.Finance),
        ("市邮政局", UnitKind.StateOwnedEnterprise, CivilizedLevel.None, "汤邮", "滕递", 210, 60, S.Commerce),
        ("邮政储蓄银行", UnitKind.FinancialInstitution, CivilizedLevel.None, "殷储", "罗蓄", 160, 42, S.Finance),
        // 篇2, 篇4, 篇5, 篇7, 篇8, 篇10, 篇11.
        ("淮阴师范学院", UnitKind.School, CivilizedLevel.Province, "毕师", "郝青", 1500, 820, S.Education | S.Youth | S.Culture),
        ("淮文外国语学校", UnitKind.School, CivilizedLevel.Province, "李文忠", "邬明", 220, 95, S.Education | S.Youth | S.Culture),
        ("台江区房管局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "陈贤飞", "安居", 65, 47, S.Housing | S.Legal),
        ("市粮食局", UnitKind.GovernmentOrgan, CivilizedLevel.City, "郑根会", "常丰", 54, 39, S.Agriculture | S.PartyBuilding),
        ("民盟市教科院支部", UnitKind.DemocraticParty, CivilizedLevel.None, "乐教", "于科", 24, 0, S.Education),
        ("民盟科技支部", UnitKind.DemocraticParty, CivilizedLevel.None, "时科", "傅技", 19, 0, S.SciTech),
        ("民盟文化支部", UnitKind.DemocraticParty, CivilizedLevel.None, "皮文", "卞化", 21, 0, S.Culture),
        ("民盟医卫支部", UnitKind.DemocraticParty, CivilizedLevel.None, "齐医", "康卫", 27, 0, S.Medical),
        ("市第一人民医院", UnitKind.Hospital, CivilizedLevel.National, "伍仁心", "余济", 1800, 640, S.Medical | S.ElderlyCare),
        ("市供销社", UnitKind.PublicInstitution, CivilizedLevel.City, "卜供", "顾销", 46, 30, S.Agriculture | S.Commerce | S.PartyBuilding),
    ];

    private static readonly (string Name, CommunityKind Kind, string Street, string Secretary, int Households, int Population, int Party, Weaknesses Weaknesses, Industries Industries)[] CommunityRows =
    [
        ("金墩社区", CommunityKind.UrbanCommunity, "城厢街道", "陈红", 3200, 9100, 210, Weaknesses.PoorInfrastructure, Industries.None),
        ("望海社区", CommunityKind.UrbanCommunity, "城厢街道", "林海", 2100, 6300, 150, Weaknesses.PoorInfrastructure, Industries.None),
        ("二女桥社区", CommunityKind.UrbanCommunity, "城厢街道", "黄桥", 1800, 5200, 120, Weaknesses.FewSocialServices, Industries.None),
        ("新坝社区", CommunityKind.UrbanCommunity, "新区街道", "徐坝", 2600, 7800, 175, Weaknesses.PoorInfrastructure, Industries.None),
        ("金城社区", CommunityKind.UrbanCommunity, "新区街道", "高城", 1500, 4300, 98, Weaknesses.PoorPublicOrder, Industries.None),
        ("公园社区", CommunityKind.UrbanCommunity, "城厢街道", "田园", 1900, 5600, 132, Weaknesses.FewSocialServices, Industries.None),
        ("汤泊社区", CommunityKind.UrbanCommunity, "新区街道", "汤泊", 1200, 3600, 66, Weaknesses.PoorInfrastructure | Weaknesses.WeakEconomy, Industries.None),
        ("东亭社区", CommunityKind.UrbanCommunity, "城厢街道", "丁亭", 2300, 6900, 140, Weaknesses.PoorPublicOrder, Industries.None),
        ("兴隆社区", CommunityKind.UrbanCommunity, "长东街道", "隆兴", 2800, 8200, 190, Weaknesses.None, Industries.None),
        ("状元府", CommunityKind.UrbanCommunity, "长东街道", "夏金阳", 1100, 3300, 75, Weaknesses.PoorInfrastructure, Industries.None),
        ("水巷社区", CommunityKind.UrbanCommunity, "后洲街道", "林水", 1700, 4900, 110, Weaknesses.PoorInfrastructure | Weaknesses.FewSocialServices, Industries.None),
        ("同心路社区", CommunityKind.UrbanCommunity, "普吉街道", "同心", 2000, 6100, 128, Weaknesses.FewSocialServices, Industries.None),
        ("云冶社区", CommunityKind.UrbanCommunity, "普吉街道", "云冶", 1600, 4700, 96, Weaknesses.FewSocialServices, Industries.None),
        ("王家桥社区", CommunityKind.UrbanCommunity, "普吉街道", "王桥", 1400, 4200, 88, Weaknesses.FewSocialServices, Industries.None),
        ("观音寺社区", CommunityKind.UrbanCommunity, "普吉街道", "观音", 1300, 3900, 81, Weaknesses.FewSocialServices, Industries.None),
        ("碧海社区", CommunityKind.UrbanCommunity, "下沙街道", "碧海", 1250, 3700, 70, Weaknesses.PoorInfrastructure, Industries.None),
        ("西焉村", CommunityKind.Village, "奓山街", "焉西", 242, 986, 47, Weaknesses.None, Industries.CashCrops | Industries.AgriProcessing),
        ("尚庄村", CommunityKind.Village, "五头镇", "尚庄", 310, 1180, 38, Weaknesses.WeakEconomy, Industries.GrainFarming),
        ("后地村", CommunityKind.Village, "正村乡", "后地", 260, 990, 29, Weaknesses.WeakEconomy | Weaknesses.PoorInfrastructure, Industries.GrainFarming | Industries.LabourExport),
        ("西沟村", CommunityKind.Village, "正村乡", "西沟", 198, 760, 24, Weaknesses.WeakLeadership, Industries.Livestock),
        ("山头岭村", CommunityKind.Village, "石井乡", "山岭", 175, 690, 21, Weaknesses.PoorInfrastructure, Industries.CashCrops),
        ("南腰村", CommunityKind.Village, "石井乡", "南腰", 220, 840, 26, Weaknesses.WeakEconomy, Industries.LabourExport),
        ("高岗村", CommunityKind.Village, "城北镇", "高岗", 405, 1520, 52, Weaknesses.WeakEconomy | Weaknesses.WeakLeadership, Industries.GrainFarming | Industries.Livestock),
        ("双桥村", CommunityKind.Village, "城北镇", "双桥", 330, 1260, 35, Weaknesses.PoorPublicOrder, Industries.AgriProcessing),
        ("柳湾村", CommunityKind.Village, "石井乡", "柳湾", 150, 560, 18, Weaknesses.WeakEconomy | Weaknesses.FewSocialServices, Industries.CashCrops),
    ];

    /// <summary>篇4's pairing, dated by its source text: never moved.</summary>
    private static readonly (string Unit, string Community) Case4 = ("淮文外国语学校", "状元府");

    /// <summary>Start dates as the scenario is written (see <see cref="DemoCalendar"/>).</summary>
    private static readonly (string Unit, string Community, DateOnly Start)[] PairingRows =
    [
        .. new[] { "市财政局", "市公安局", "市农行", "市住建局", "市水务局", "市审计局" }.Select(u => (u, "金墩社区", new DateOnly(2026, 3, 1))),
        ("市信用联社", "望海社区", new DateOnly(2026, 3, 1)),
        ("市工商局", "二女桥社区", new DateOnly(2026, 3, 1)),
        ("供电公司", "新坝社区", new DateOnly(2026, 3, 1)),
        ("市环保局", "金城社区", new DateOnly(2026, 3, 1)),
        ("市司法局", "公园社区", new DateOnly(2026, 1, 1)),
        .. new[] { "市人社局", "市检察院", "市党史办", "市科技局" }.Select(u => (u, "汤泊社区", new DateOnly(2026, 1, 1))),
        .. new[] { "市地税局", "市国税局", "市卫生局", "市农委", "市药监局" }.Select(u => (u, "东亭社区", new DateOnly(2026, 3, 1))),
        .. new[] { "市安监局", "市建行", "市交通局", "市计生委", "市红十字会" }.Select(u => (u, "望海社区", new DateOnly(2026, 3, 1))),
        .. new[] { "太人保", "太财保", "电信局" }.Select(u => (u, "二女桥社区", new DateOnly(2026, 3, 1))),
        .. new[] { "移动公司", "联通公司", "人寿保险公司" }.Select(u => (u, "新坝社区", new DateOnly(2026, 3, 1))),
        .. new[] { "市经信委", "市发改委", "市质监局" }.Select(u => (u, "金城社区", new DateOnly(2026, 3, 1))),
        .. new[] { "市工行", "市邮政局", "邮政储蓄银行" }.Select(u => (u, "公园社区", new DateOnly(2026, 3, 1))),
        ("淮阴师范学院", "兴隆社区", new DateOnly(2026, 2, 1)),
        ("淮文外国语学校", "状元府", new DateOnly(2017, 5, 1)),
        ("台江区房管局", "水巷社区", new DateOnly(2026, 1, 1)),
        .. new[] { "西焉村", "尚庄村", "后地村", "西沟村", "山头岭村" }.Select(c => ("市粮食局", c, new DateOnly(2026, 1, 1))),
        ("民盟市教科院支部", "同心路社区", new DateOnly(2026, 4, 1)),
        ("民盟科技支部", "云冶社区", new DateOnly(2026, 4, 1)),
        ("民盟文化支部", "王家桥社区", new DateOnly(2026, 4, 1)),
        ("民盟医卫支部", "观音寺社区", new DateOnly(2026, 4, 1)),
        ("市第一人民医院", "碧海社区", new DateOnly(2026, 6, 1)),
        ("市供销社", "高岗村", new DateOnly(2026, 1, 1)),
    ];
}
