using System.Net;
using CivicPairing.Domain.Agreements;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>Evidence attached to a task report: type by content, size cap, served only to those who may see the task.</summary>
public sealed class EvidenceOnTasks(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Png = TestImages.Png(1600, 1200);
    private static readonly byte[] Pdf = "%PDF-1.4\n% 签到表\n"u8.ToArray();

    private Task<AgreementTask> TaskAsync(int number) =>
        factory.QueryAsync(db => db.AgreementTasks.AsNoTracking().Include(t => t.Evidence).SingleAsync(t => t.Agreement!.Number == "JD-2026-001" && t.Agreement.VersionNumber == 1 && t.Number == number));

    private static Task<HttpResponseMessage> ReportAsync(PortalClient client, AgreementTask task, string note, params (string, string, byte[])[] files) =>
        client.PostMultipartAsync($"/Tasks/Details/{task.Id}", $"/Tasks/Report/{task.Id}",
            new Dictionary<string, string> { ["note"] = note, ["version"] = task.Version.ToString() }, files);

    [Fact]
    public async Task StoresPhotosAndSignInSheetsThatTheCommunityCanOpen()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var task = await TaskAsync(3);

        var response = await ReportAsync(liaison, task, "窨井盖已修复", ("files", "现场照片.png", Png), ("files", "签到表.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var reported = await TaskAsync(3);
        Assert.True(reported.Status == AgreementTaskStatus.ReportedDone, await liaison.GetPageAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(["现场照片.png", "签到表.pdf"], reported.Evidence.OrderBy(e => e.OriginalName, StringComparer.Ordinal).Select(e => e.OriginalName));
        Assert.All(reported.Evidence, e => Assert.DoesNotContain(e.OriginalName, e.StoredName, StringComparison.Ordinal));
        var onDisk = Directory.EnumerateFiles(factory.EvidenceRoot, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet();
        Assert.All(reported.Evidence, e => Assert.Contains(e.StoredName, onDisk)); // in the evidence store, outside wwwroot

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var photo = reported.Evidence.Single(e => e.ContentType == "image/png");
        var served = await secretary.GetAsync($"/Evidence/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains($"/Evidence/{photo.Id}?thumb=true", await secretary.GetPageAsync($"/Tasks/Details/{task.Id}"), StringComparison.Ordinal);
        var thumbnail = await secretary.GetAsync($"/Evidence/{photo.Id}?thumb=true");
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        Assert.Equal((320, 240), TestImages.SizeOf(await thumbnail.Content.ReadAsByteArrayAsync()));

        using var stranger = await OtherLiaisonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Evidence/{photo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Evidence/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("photo.jpg", "MZ\u0090\0 a renamed exe", "不是 JPEG/PNG 照片或 PDF 文件")]
    [InlineData("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "不是 JPEG/PNG 照片或 PDF 文件")]
    [InlineData("page.html", "<html><body>hi</body></html>", "不是 JPEG/PNG 照片或 PDF 文件")]
    public async Task RefusesWhatIsNotAPhotoOrPdfAndStoresNothing(string fileName, string content, string message)
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var task = await TaskAsync(4);
        var response = await ReportAsync(liaison, task, "春节走访已完成", ("files", fileName, System.Text.Encoding.UTF8.GetBytes(content)));

        var page = await liaison.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("春节走访已完成</textarea>", page, StringComparison.Ordinal); // the note the user typed is kept
        var after = await TaskAsync(4);
        Assert.Equal((AgreementTaskStatus.Open, 0), (after.Status, after.Evidence.Count));
    }

    [Fact]
    public async Task RefusesAPhotoThatIsBrokenBehindItsSignature()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var task = await TaskAsync(4);
        byte[] broken = [.. TestImages.Png(64, 64).Take(40)];
        var response = await ReportAsync(liaison, task, "照片传了一半", ("files", "half.png", broken));
        Assert.Contains("half.png 已损坏，无法读取照片。", await liaison.GetPageAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(AgreementTaskStatus.Open, (await TaskAsync(4)).Status);
    }

    [Fact]
    public async Task RefusesAFileOverTheSizeCap()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var task = await TaskAsync(4);
        var big = new byte[10 * 1024 * 1024 + 1];
        big[0] = 0xFF;
        big[1] = 0xD8;
        big[2] = 0xFF;
        var response = await ReportAsync(liaison, task, "大照片", ("files", "big.jpg", big));
        Assert.Contains("big.jpg 超过 10 MB。", await liaison.GetPageAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(AgreementTaskStatus.Open, (await TaskAsync(4)).Status);
        Assert.Equal(0, await factory.QueryAsync(db => db.EvidenceFiles.CountAsync(e => e.AgreementTaskId == task.Id)));
    }

    private async Task<PortalClient> OtherLiaisonAsync()
    {
        using (var admin = await PortalClient.SignedInAsync(factory, "demo.admin"))
        {
            await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
            {
                ["UserName"] = "police.liaison", ["DisplayName"] = "公安 联络员", ["Role"] = "UnitLiaison",
                ["UnitId"] = (await factory.UnitIdAsync("市检察院")).ToString(), ["Password"] = "Police@2026x",
            });
        }
        return await PortalClient.FirstSignInAsync(factory, "police.liaison", "Police@2026x");
    }
}
