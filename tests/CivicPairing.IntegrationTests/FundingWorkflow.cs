using System.Globalization;
using System.Net;
using CivicPairing.Domain.Funding;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>资金申请 through the real forms: 篇9's 58,490 yuan asked, pledged, approved and paid with a voucher.</summary>
public sealed class FundingWorkflow(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Pian9 = "碧海大道下沙段垃圾池建设和社区办公室改造";

    private Task<FundingRequest> RequestAsync(string title) =>
        factory.QueryAsync(db => db.FundingRequests.AsNoTracking().Include(r => r.Lines).Include(r => r.Pledges).Include(r => r.Payments).SingleAsync(r => r.Title == title));

    private static async Task<string> FollowAsync(PortalClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    private static Task<HttpResponseMessage> ActAsync(PortalClient client, FundingRequest request, string action, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync($"/Funding/Details/{request.Id}", $"/Funding/{action}/{request.Id}",
            new Dictionary<string, string>(fields ?? []) { ["version"] = request.Version.ToString() });

    [Fact]
    public async Task ASecretaryAsksTheUnitPledgesTheOfficeApprovesAndThePaymentIsRecordedWithItsVoucher()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.Contains("data-figure=\"funds\">¥40,800.00</div>", await office.GetPageAsync("/"), StringComparison.Ordinal); // 篇7's gift and 市供销社's 800 yuan to an aid household

        var asked = await secretary.PostFormAsync("/Funding/Create", "/Funding/Create", new Dictionary<string, string>
        {
            ["Title"] = "金墩路垃圾池", ["Purpose"] = "后街后巷垃圾集中堆放点建垃圾池", ["Items[0]"] = "垃圾池三座", ["Amounts[0]"] = "46000",
            ["Items[1]"] = "清运车辆租赁", ["Amounts[1]"] = "12490", ["Items[2]"] = "", ["Amounts[2]"] = "",
        });
        Assert.Contains("申请已提交", await FollowAsync(secretary, asked), StringComparison.Ordinal);
        var request = await RequestAsync("金墩路垃圾池");
        Assert.Equal((58_490m, 2, FundingStatus.Submitted), (request.Amount, request.Lines.Count, request.Status));

        var tooMuch = await ActAsync(liaison, request, "Pledge", new() { ["amount"] = "58490.01" });
        Assert.Contains("认捐金额不能超过尚需的", await FollowAsync(liaison, tooMuch), StringComparison.Ordinal);
        await ActAsync(liaison, request, "Pledge", new() { ["amount"] = "40000" });
        request = await RequestAsync("金墩路垃圾池");
        Assert.Equal((40_000m, 18_490m), (request.Pledged, request.StillRequested));

        // Paying before approval is refused.
        var early = await liaison.PostMultipartAsync($"/Funding/Details/{request.Id}", $"/Funding/Pay/{request.Id}",
            new() { ["version"] = request.Version.ToString(), ["amount"] = "100", ["paidOn"] = factory.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ("voucher", "凭证.jpg", TestImages.Jpeg(40, 30)));
        Assert.Contains("文明办批准申请后才能登记拨付。", await FollowAsync(liaison, early), StringComparison.Ordinal);

        await ActAsync(office, request, "Approve");
        request = await RequestAsync("金墩路垃圾池");
        Assert.Equal(FundingStatus.Approved, request.Status);

        var evidenceBefore = await factory.QueryAsync(db => db.EvidenceFiles.CountAsync());
        var over = await liaison.PostMultipartAsync($"/Funding/Details/{request.Id}", $"/Funding/Pay/{request.Id}",
            new() { ["version"] = request.Version.ToString(), ["amount"] = "40000.01", ["paidOn"] = factory.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ("voucher", "凭证.jpg", TestImages.Jpeg(40, 30)));
        Assert.Contains("本单位最多还能拨付已认捐未拨付的", await FollowAsync(liaison, over), StringComparison.Ordinal);
        Assert.Equal(evidenceBefore, await factory.QueryAsync(db => db.EvidenceFiles.CountAsync()));

        var paid = await liaison.PostMultipartAsync($"/Funding/Details/{request.Id}", $"/Funding/Pay/{request.Id}",
            new() { ["version"] = request.Version.ToString(), ["amount"] = "25000", ["paidOn"] = factory.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ("voucher", "凭证.jpg", TestImages.Jpeg(40, 30)));
        var page = await FollowAsync(liaison, paid);
        Assert.Contains("拨付及凭证已登记。", page, StringComparison.Ordinal);
        request = await RequestAsync("金墩路垃圾池");
        var payment = Assert.Single(request.Payments);
        Assert.Equal((25_000m, 25_000m, factory.Today.AddDays(-1)), (payment.Amount, request.Paid, payment.PaidOn));
        // The page shows requested / pledged / paid, and the secretary opens the voucher.
        Assert.Contains("data-figure=\"paid\">¥25,000.00<", await secretary.GetPageAsync($"/Funding/Details/{request.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/Evidence/{payment.VoucherId}")).StatusCode);
        // The city's funds count the payment once, beside the activities' funds.
        Assert.Contains("data-figure=\"funds\">¥65,800.00</div>", await office.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCommunitysSecretaryNeitherSeesTheRequestNorItsVoucher()
    {
        var biHai = await factory.CommunityIdAsync("碧海社区");
        using (var admin = await PortalClient.SignedInAsync(factory, "demo.admin"))
        {
            await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
            {
                ["UserName"] = "bihai.sec2", ["DisplayName"] = "碧海 书记", ["Role"] = "CommunitySecretary", ["CommunityId"] = biHai.ToString(CultureInfo.InvariantCulture), ["Password"] = "Bihai@2026xx",
            });
        }
        using var bihai = await PortalClient.FirstSignInAsync(factory, "bihai.sec2", "Bihai@2026xx");
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var pools = await RequestAsync(Pian9);
        Assert.Equal((58_490m, 50_000m, FundingStatus.Approved), (pools.Amount, pools.Pledged, pools.Status));

        Assert.Contains("¥58,490.00", await bihai.GetPageAsync($"/Funding/Details/{pools.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Funding/Details/{pools.Id}")).StatusCode);
        Assert.DoesNotContain(Pian9, await secretary.GetPageAsync("/Funding"), StringComparison.Ordinal);
        // A liaison whose unit pledged sees it; the office's approval cannot be given twice.
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        Assert.Contains(Pian9, await liaison.GetPageAsync("/Funding"), StringComparison.Ordinal);
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.Contains("只有待审批的申请才能批准。", await FollowAsync(office, await ActAsync(office, pools, "Approve")), StringComparison.Ordinal);
        Assert.Equal(pools.Version, (await RequestAsync(Pian9)).Version);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-58490")]
    [InlineData("10000000.01")]
    public async Task RefusesAnAbsurdAmountBesideTheBudgetLines(string amount)
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var before = await factory.QueryAsync(db => db.FundingRequests.CountAsync());

        var response = await secretary.PostFormAsync("/Funding/Create", "/Funding/Create", new Dictionary<string, string>
        {
            ["Title"] = "不该保存", ["Purpose"] = "测试", ["Items[0]"] = "垃圾池", ["Amounts[0]"] = amount,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("金额须大于 0 且不超过", PortalClient.FieldError(await response.Content.ReadAsStringAsync(), "Lines"), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.FundingRequests.CountAsync()));
    }
}
