using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// A catalogue of hostile values posted into the portal's form fields, each through the real form (anti-forgery token,
/// the signed-in party). Whatever the value, the answer is never a 5xx, nothing is stored (no audited change, no
/// evidence file), and the user is told: beside the field, on the page they return to, or on a 400 page for a form
/// the server cannot read at all. A new form joins <see cref="Forms"/>; a new kind of field joins <see cref="Values"/>.
/// </summary>
public sealed partial class HostileInput(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>What kind of value a field takes, so each gets the hostile values of its kind.</summary>
    public enum Kind { Text, Name, Date, Number }

    private static readonly Dictionary<Kind, (string Label, string Value)[]> Values = new()
    {
        [Kind.Text] =
        [
            ("NUL byte", "所做工作\0隐藏"),
            ("bell character", "所做工作\u0007"),
            ("100,000 characters", new string('长', 100_000)),
            ("script", "<script>alert(1)</script>"),
            ("character reference", "&#60;img src=x onerror=alert(1)&#62;"),
        ],
        [Kind.Name] =
        [
            ("NUL byte", "王\0丽"),
            ("100,000 characters", new string('名', 100_000)),
            ("markup", "<b>王丽</b>"),
        ],
        [Kind.Date] =
        [
            ("year 1", "0001-01-01"),
            ("year 9999", "9999-12-31"),
            ("30 February", "2026-02-30"),
            ("letters", "abc"),
        ],
        [Kind.Number] =
        [
            ("past int", "2147483648"),
            ("exponent", "1e309"),
            ("letters", "abc"),
        ],
    };

    /// <summary>(case, role, form page, action, multipart, fields the form needs, field under test, its kind).</summary>
    private static readonly (string Case, string Role, string Page, string Action, bool Multipart, Dictionary<string, string> Base, string Field, Kind Kind)[] Forms =
    [
        ("unit notes", "demo.office", "/Units/Create", "/Units/Create", false, Unit(), "Notes", Kind.Text),
        ("unit leader", "demo.office", "/Units/Create", "/Units/Create", false, Unit(), "LeaderName", Kind.Name),
        ("unit staff", "demo.office", "/Units/Create", "/Units/Create", false, Unit(), "StaffCount", Kind.Number),
        ("proposal note", "demo.liaison", "/Pairings/Propose", "/Pairings/Propose", false, Proposal(), "Note", Kind.Text),
        ("proposal start", "demo.liaison", "/Pairings/Propose", "/Pairings/Propose", false, Proposal(), "StartDate", Kind.Date),
        ("activity title", "demo.liaison", "/Activities/Log", "/Activities/Log", true, Activity(), "Title", Kind.Text),
        ("activity description", "demo.liaison", "/Activities/Log", "/Activities/Log", true, Activity(), "Description", Kind.Text),
        ("activity materials", "demo.liaison", "/Activities/Log", "/Activities/Log", true, Activity(), "Materials", Kind.Text),
        ("activity date", "demo.liaison", "/Activities/Log", "/Activities/Log", true, Activity(), "Date", Kind.Date),
        ("activity people", "demo.liaison", "/Activities/Log", "/Activities/Log", true, Activity(), "PeopleSent", Kind.Number),
        ("suspend reason", "demo.office", "/Pairings/Details/{pairing}", "/Pairings/Suspend/{pairing}", false, [], "Reason", Kind.Text),
        ("end date", "demo.office", "/Pairings/Details/{pairing}", "/Pairings/End/{pairing}", false, new() { ["OverrideReason"] = "整体拆迁" }, "EndDate", Kind.Date),
        ("end override", "demo.office", "/Pairings/Details/{pairing}", "/Pairings/End/{pairing}", false, [], "OverrideReason", Kind.Text),
        ("dispute reason", "demo.secretary", "/Activities/Details/{waiting}", "/Activities/Dispute/{waiting}", false, [], "reason", Kind.Text),
        ("rating comment", "demo.secretary", "/Activities/Details/{waiting}", "/Activities/Confirm/{waiting}", false, new() { ["rating"] = "4" }, "comment", Kind.Text),
        ("task return reason", "demo.secretary", "/Tasks/Details/{reported}", "/Tasks/Return/{reported}", false, [], "reason", Kind.Text),
        ("task report note", "demo.liaison", "/Tasks/Details/{open}", "/Tasks/Report/{open}", true, [], "note", Kind.Text),
        ("need title", "demo.secretary", "/Needs/Post", "/Needs/Post", false, Need(), "Title", Kind.Text),
        ("need place", "demo.secretary", "/Needs/Post", "/Needs/Post", false, Need(), "Place", Kind.Text),
        ("need wanted by", "demo.secretary", "/Needs/Post", "/Needs/Post", false, Need(), "WantedBy", Kind.Date),
        ("need budget", "demo.secretary", "/Needs/Post", "/Needs/Post", false, Need(), "Budget", Kind.Number),
        ("need decline reason", "demo.liaison", "/Needs/Details/{dispatched}", "/Needs/Decline/{dispatched}", false, [], "reason", Kind.Text),
        ("need rating comment", "demo.secretary", "/Needs/Details/{toRate}", "/Needs/Rate/{toRate}", false, new() { ["rating"] = "4" }, "comment", Kind.Text),
        ("termination reason", "demo.office", "/Agreements/Details/{agreement}", "/Agreements/Terminate/{agreement}", false, [], "reason", Kind.Text),
        ("checklist item", "demo.office", "/Checklist", "/Checklist/Add", false, [], "text", Kind.Text),
        ("assessment quarter", "demo.office", "/Assessment", "/Assessment/Create", false, new() { ["year"] = "2031" }, "quarter", Kind.Number),
        ("assessment year", "demo.office", "/Assessment", "/Assessment/Create", false, [], "year", Kind.Number),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in Forms)
        {
            foreach (var (label, _) in Values[form.Kind])
            {
                data.Add(form.Case, label);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsRefusedWithAMessageAndNothingStored(string formCase, string valueLabel)
    {
        var form = Forms.Single(f => f.Case == formCase);
        var value = Values[form.Kind].Single(v => v.Label == valueLabel).Value;
        using var client = await PortalClient.SignedInAsync(factory, form.Role);
        var ids = await IdsAsync();
        string Fill(string url) => ids.Aggregate(url, (u, id) => u.Replace($"{{{id.Key}}}", id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var page = Fill(form.Page);
        var fields = form.Base.ToDictionary(f => f.Key, f => Fill(f.Value));
        if (Version().Match(await client.GetPageAsync(page)) is { Success: true } version)
        {
            fields[version.Groups[1].Value] = version.Groups[2].Value;
        }
        fields[form.Field] = value;
        var before = await FingerprintAsync();

        var response = form.Multipart
            ? await client.PostMultipartAsync(page, Fill(form.Action), fields)
            : await client.PostFormAsync(page, Fill(form.Action), fields);

        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{formCase} with {valueLabel}: {status}");
        Assert.Equal(before, await FingerprintAsync());
        if (status == 400)
        {
            // A form the server cannot read at all: the error page says so.
            Assert.Contains("请求无法读取", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return;
        }
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            // A decision taken on a record's page: the page it returns to says what was refused.
            var back = await client.GetPageAsync(response.Headers.Location!.OriginalString);
            Assert.DoesNotContain("alert-success", back, StringComparison.Ordinal);
            Assert.Contains("alert alert-danger", back, StringComparison.Ordinal);
            return;
        }
        // A form shown again: the message is beside the field the value was typed into.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(PortalClient.FieldError(html, form.Field) is not null, $"{formCase} with {valueLabel}: no message beside {form.Field}");
    }

    [Theory]
    [InlineData("/Units/Create", "Name", "𠀀𡈼科技公司")]
    [InlineData("/Units/Create", "LeaderName", "王𡈼")]
    public async Task NamesBeyondTheBasicPlaneAreText(string action, string field, string name)
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var fields = Unit();
        fields[field] = name;
        var response = await office.PostFormAsync(action, action, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Units.AnyAsync(u => u.Name == fields["Name"] && (field != "LeaderName" || u.LeaderName == name))));
    }

    private static Dictionary<string, string> Unit() => new()
    {
        ["Name"] = $"加测单位{Guid.NewGuid():N}"[..12], ["Kind"] = "PublicInstitution", ["StaffCount"] = "20", ["PartyMemberCount"] = "3",
    };

    private static Dictionary<string, string> Proposal() => new() { ["CommunityId"] = "{freeCommunity}", ["StartDate"] = "2026-12-01", ["Note"] = "共建" };

    private static Dictionary<string, string> Activity() => new()
    {
        ["PairingId"] = "{pairing}", ["Date"] = "2026-11-20", ["Category"] = "EnvironmentalCleanup", ["Title"] = "清扫楼道", ["PeopleSent"] = "5",
        ["PersonHours"] = "10", ["SubmissionKey"] = Guid.NewGuid().ToString(),
    };

    private static Dictionary<string, string> Need() => new()
    {
        ["Title"] = "楼道安装扶手", ["Category"] = "Infrastructure", ["WantedBy"] = "2026-12-20", ["Place"] = "东亭二村", ["Budget"] = "3000",
    };

    /// <summary>Ids of records in the states the forms act on, from the demo city.</summary>
    private async Task<Dictionary<string, int>> IdsAsync()
    {
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        return await factory.QueryAsync(async db => new Dictionary<string, int>
        {
            ["pairing"] = pairing.Id,
            ["freeCommunity"] = await db.Communities.Where(c => c.IsActive && !db.Pairings.Any(p => p.CommunityId == c.Id && p.UnitId == pairing.UnitId)).Select(c => c.Id).FirstAsync(),
            ["waiting"] = await db.Activities.Where(a => a.Pairing!.CommunityId == pairing.CommunityId && a.Status == ActivityStatus.Submitted).Select(a => a.Id).FirstAsync(),
            ["reported"] = await db.AgreementTasks.Where(t => t.Agreement!.PairingId == pairing.Id && t.Status == AgreementTaskStatus.ReportedDone).Select(t => t.Id).FirstAsync(),
            ["open"] = await db.AgreementTasks.Where(t => t.Agreement!.PairingId == pairing.Id && t.Agreement.Status == AgreementStatus.Filed && t.Status == AgreementTaskStatus.Open).Select(t => t.Id).FirstAsync(),
            ["dispatched"] = await db.Needs.Where(n => n.Status == Domain.Needs.NeedStatus.Dispatched && n.DispatchedToUnitId == pairing.UnitId).Select(n => n.Id).FirstAsync(),
            ["toRate"] = await db.Needs.Where(n => n.Status == Domain.Needs.NeedStatus.ReportedDone && n.CommunityId == pairing.CommunityId).Select(n => n.Id).FirstAsync(),
            ["agreement"] = await db.Agreements.Where(a => a.PairingId == pairing.Id && a.Status == AgreementStatus.Filed).Select(a => a.Id).FirstAsync(),
        });
    }

    /// <summary>Every change the portal makes is audited; evidence files are counted apart.</summary>
    private Task<(int Audited, int Evidence)> FingerprintAsync() =>
        factory.QueryAsync(async db => (await db.AuditEntries.CountAsync(), await db.EvidenceFiles.CountAsync()));

    [GeneratedRegex("<input type=\"hidden\" name=\"([vV]ersion)\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex Version();
}
