using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Auditing;
using CivicPairing.Web.Infrastructure.Evidence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// A request that fails after some evidence was already written, in the store or in the database, leaves no file behind:
/// the bytes of a half-written file and those of the files stored before it are removed.
/// </summary>
public sealed partial class EvidenceFailures(EvidenceFailures.Portal factory) : IClassFixture<EvidenceFailures.Portal>
{
    private const string FailHeader = "X-Test-Fail";

    /// <summary>The portal with failures a request can ask for: "store" (the disk fills up during the third file written) or "save" (the database save fails).</summary>
    public sealed class Portal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton<IEvidenceStore>(sp =>
                    new DiskFillsUp(ActivatorUtilities.CreateInstance<LocalDiskEvidenceStore>(sp), sp.GetRequiredService<IHttpContextAccessor>())));
                services.Replace(ServiceDescriptor.Scoped<IAuditActor>(sp =>
                    new SaveFails(ActivatorUtilities.CreateInstance<HttpAuditActor>(sp), sp.GetRequiredService<IHttpContextAccessor>())));
            });
        }
    }

    private static bool Asked(IHttpContextAccessor http, string failure) => http.HttpContext?.Request.Headers[FailHeader].ToString() == failure;

    private sealed class DiskFillsUp(IEvidenceStore inner, IHttpContextAccessor http) : IEvidenceStore
    {
        public Task<string> SaveAsync(Stream content, string extension, CancellationToken ct)
        {
            if (Asked(http, "store"))
            {
                var items = http.HttpContext!.Items;
                var earlier = items.TryGetValue("saves", out var saves) ? (int)saves! : 0;
                items["saves"] = earlier + 1;
                if (earlier == 2)
                {
                    content = new FailingAfter(content, 1000);
                }
            }
            return inner.SaveAsync(content, extension, ct);
        }

        public Stream? Open(string storedName) => inner.Open(storedName);

        public void Delete(string storedName) => inner.Delete(storedName);
    }

    /// <summary>Gives the first bytes, then fails the way a full disk or a dropped network share does.</summary>
    private sealed class FailingAfter(Stream inner, int bytes) : Stream
    {
        private int _given;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_given >= bytes)
            {
                throw new IOException("No space left on device (test).");
            }
            var read = inner.Read(buffer[..Math.Min(buffer.Length, bytes - _given)]);
            _given += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return Read(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The audit rows are written in the same transaction as the change: failing there fails the whole save.</summary>
    private sealed class SaveFails(IAuditActor inner, IHttpContextAccessor http) : IAuditActor
    {
        public string? UserId => inner.UserId;

        public string UserName => Asked(http, "save") ? throw new InvalidOperationException("The database went away (test).") : inner.UserName;
    }

    private HashSet<string> FilesInTheEvidenceFolder() =>
        Directory.Exists(factory.EvidenceRoot) ? Directory.EnumerateFiles(factory.EvidenceRoot, "*", SearchOption.AllDirectories).ToHashSet() : [];

    [Theory]
    [InlineData("store", "2026-11-16")]
    [InlineData("save", "2026-11-17")]
    public async Task AFailedActivityLogLeavesNoFilesBehind(string failure, string date)
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var title = "存储失败的活动 " + failure;
        var page = await liaison.GetPageAsync("/Activities/Log");
        var form = new Dictionary<string, string>
        {
            ["PairingId"] = (await factory.PairingAsync("市财政局", "金墩社区")).Id.ToString(),
            ["SubmissionKey"] = SubmissionKey().Match(page).Groups[1].Value,
            ["Date"] = date, ["Category"] = "Other", ["Title"] = title, ["Description"] = "现场照片", ["PeopleSent"] = "6", ["PersonHours"] = "12",
            ["LeaderTookPart"] = "false", ["Funds"] = "0", ["PeopleServed"] = "40",
        };
        var filesBefore = FilesInTheEvidenceFolder();
        liaison.Http.DefaultRequestHeaders.Add(FailHeader, failure);

        // Written in order: photo 1's thumbnail and file, photo 2's thumbnail (the third: "store" fails in its middle), ...
        var response = await liaison.PostMultipartAsync("/Activities/Log", "/Activities/Log", form,
            ("files", "一.jpg", TestImages.Jpeg(1200, 900)), ("files", "二.png", TestImages.Png(1200, 900)), ("files", "签到表.pdf", "%PDF-1.4\n签到\n"u8.ToArray()));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == title)));
        Assert.Equal(filesBefore, FilesInTheEvidenceFolder());
    }

    [Fact]
    public async Task AFailedTaskReportLeavesNoFilesBehind()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var task = await factory.QueryAsync(db => db.AgreementTasks.AsNoTracking()
            .SingleAsync(t => t.Agreement!.Number == "JD-2026-001" && t.Agreement.VersionNumber == 1 && t.Number == 4));
        var filesBefore = FilesInTheEvidenceFolder();
        liaison.Http.DefaultRequestHeaders.Add(FailHeader, "save");

        var response = await liaison.PostMultipartAsync($"/Tasks/Details/{task.Id}", $"/Tasks/Report/{task.Id}",
            new Dictionary<string, string> { ["note"] = "已完成", ["version"] = task.Version.ToString() }, ("files", "现场.jpg", TestImages.Jpeg(1200, 900)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.EvidenceFiles.CountAsync(e => e.AgreementTaskId == task.Id)));
        Assert.Equal(filesBefore, FilesInTheEvidenceFolder());
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
