using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// Photos attached to a logged activity: pixel bombs and files cut short are refused with a message by the file field,
/// and a refused or failed upload leaves nothing behind, neither a row nor a file in the evidence folder.
/// </summary>
public sealed partial class EvidencePhotos(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<Dictionary<string, string>> FormAsync(PortalClient liaison, string title, string date = "2026-11-12")
    {
        var page = await liaison.GetPageAsync("/Activities/Log");
        return new Dictionary<string, string>
        {
            ["PairingId"] = (await factory.PairingAsync("市财政局", "金墩社区")).Id.ToString(),
            ["SubmissionKey"] = SubmissionKey().Match(page).Groups[1].Value,
            ["Date"] = date, ["Category"] = "Other", ["Title"] = title, ["Description"] = "现场照片", ["PeopleSent"] = "6", ["PersonHours"] = "12",
            ["LeaderTookPart"] = "false", ["Funds"] = "0", ["PeopleServed"] = "40",
        };
    }

    private HashSet<string> FilesInTheEvidenceFolder() =>
        Directory.Exists(factory.EvidenceRoot) ? Directory.EnumerateFiles(factory.EvidenceRoot, "*", SearchOption.AllDirectories).ToHashSet() : [];

    public static TheoryData<string, byte[], string> RefusedPhotos => new()
    {
        { "bomb.png", TestImages.DeclaredPng(65_535, 65_535), "bomb.png 有 65535 × 65535 像素，超过照片上限（4000 万像素，即 40 MP）。请发送缩小后的照片。" },
        { "huge-but-small.png", TestImages.BlankPng(16_000, 16_000), "huge-but-small.png 有 16000 × 16000 像素，超过照片上限（4000 万像素，即 40 MP）。请发送缩小后的照片。" },
        { "cut.jpg", TestImages.CutShort(TestImages.Jpeg(1600, 1200), 0.6), "cut.jpg 不完整：照片数据中途截断（如上传被打断）。请重新发送。" },
        { "cut.png", TestImages.CutShort(TestImages.Png(3000, 2000), 0.6), "cut.png 不完整：照片数据中途截断（如上传被打断）。请重新发送。" },
    };

    [Theory]
    [MemberData(nameof(RefusedPhotos))]
    public async Task RefusesAPhotoWithAMessageByTheFileFieldAndStoresNothing(string fileName, byte[] content, string message)
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var title = "带问题照片的活动 " + fileName;
        var form = await FormAsync(liaison, title);
        var filesBefore = FilesInTheEvidenceFolder();
        var rowsBefore = await factory.QueryAsync(db => db.EvidenceFiles.CountAsync());

        // A good photo next to the bad one: checked first, stored only if every file is fine.
        var response = await liaison.PostMultipartAsync("/Activities/Log", "/Activities/Log", form,
            ("files", "good.jpg", TestImages.Jpeg(800, 600)), ("files", fileName, content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PortalClient.FieldError(await response.Content.ReadAsStringAsync(), "files"));
        Assert.False(await factory.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == title)));
        Assert.Equal(rowsBefore, await factory.QueryAsync(db => db.EvidenceFiles.CountAsync()));
        Assert.Equal(filesBefore, FilesInTheEvidenceFolder());
    }

    [Fact]
    public async Task RefusesTheBombOnATaskReportToo()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var task = await factory.QueryAsync(db => db.AgreementTasks.AsNoTracking()
            .SingleAsync(t => t.Agreement!.Number == "JD-2026-001" && t.Agreement.VersionNumber == 1 && t.Number == 4));
        var filesBefore = FilesInTheEvidenceFolder();

        var response = await liaison.PostMultipartAsync($"/Tasks/Details/{task.Id}", $"/Tasks/Report/{task.Id}",
            new Dictionary<string, string> { ["note"] = "照片太大", ["version"] = task.Version.ToString() }, ("files", "bomb.png", TestImages.DeclaredPng(65_535, 65_535)));

        Assert.Contains("bomb.png 有 65535 × 65535 像素", await liaison.GetPageAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.EvidenceFiles.CountAsync(e => e.AgreementTaskId == task.Id)));
        Assert.Equal(filesBefore, FilesInTheEvidenceFolder());
    }

    [Theory]
    [InlineData("现场.jpg", 4000, 3000, 320, 240, "2026-11-13")]
    [InlineData("横幅.png", 5000, 3500, 320, 224, "2026-11-14")] // 70 MB of pixels: read a band of rows at a time
    public async Task StoresANormalPhotoWithItsThumbnail(string fileName, int width, int height, int thumbWidth, int thumbHeight, string date)
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var title = "照片正常的活动 " + fileName;
        var form = await FormAsync(liaison, title, date);
        var photo = fileName.EndsWith(".png", StringComparison.Ordinal) ? TestImages.Png(width, height) : TestImages.Jpeg(width, height);

        var response = await liaison.PostMultipartAsync("/Activities/Log", "/Activities/Log", form, ("files", fileName, photo));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var evidence = await factory.QueryAsync(db => db.Activities.AsNoTracking().Where(a => a.Title == title).SelectMany(a => a.Evidence).SingleAsync());
        Assert.NotNull(evidence.ThumbnailName);
        var onDisk = FilesInTheEvidenceFolder().Select(Path.GetFileName).ToHashSet();
        Assert.Contains(evidence.StoredName, onDisk);
        Assert.Contains(evidence.ThumbnailName, onDisk);
        Assert.Equal(photo, await liaison.Http.GetByteArrayAsync($"/Evidence/{evidence.Id}"));
        Assert.Equal((thumbWidth, thumbHeight), TestImages.SizeOf(await liaison.Http.GetByteArrayAsync($"/Evidence/{evidence.Id}?thumb=true")));
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
