using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Registry;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>Export of exactly the filtered rows, and import with a preview before anything is saved.</summary>
public sealed partial class SpreadsheetExchange(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ExportsExactlyTheFilteredUnitsAsCsvWithChineseIntact()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var response = await client.GetAsync("/Units/Export?format=csv&kind=FinancialInstitution");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = CsvReader.Read(new MemoryStream(bytes), 1000);
        var expected = await factory.QueryAsync(db => db.Units.Where(u => u.Kind == UnitKind.FinancialInstitution && u.IsActive).OrderBy(u => u.Name).Select(u => u.Name).ToListAsync());
        Assert.Equal("单位名称", rows[0][0]);
        Assert.Equal(expected, rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal("金融机构", r[1]));
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsCommunitiesWithoutAUnitAsExcel()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var response = await client.GetAsync("/Communities/Export?format=xlsx&paired=false");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), 1000);
        var unpaired = await factory.QueryAsync(db => db.Communities
            .Where(c => c.IsActive && !db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == Domain.Pairings.PairingStatus.Active))
            .OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
        Assert.Subset(unpaired.ToHashSet(), new HashSet<string> { "南腰村", "双桥村", "柳湾村" });
        Assert.Equal(unpaired, rows.Skip(1).Select(r => r[0]));
        Assert.Equal("村", rows[1][1]);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task ExportsNamesOutsideTheBasicPlaneWholeAndToTheEnd(string format)
    {
        string[] names = [$"𠀀𡈼志愿服务队{format}", $"👍 文明实践站{format}", $"市𠀀局😀{format}"];
        await factory.QueryAsync(async db =>
        {
            db.Units.AddRange(names.Select(n => new Unit { Name = n, Kind = UnitKind.PublicInstitution, StaffCount = 10, Notes = n + " 备注 🚩", CreatedAt = PortalFactory.PinnedAt }));
            return await db.SaveChangesAsync();
        });
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");

        var response = await client.GetAsync($"/Units/Export?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = format == "xlsx" ? XlsxReader.ReadFirstSheet(new MemoryStream(bytes), 1000) : CsvReader.Read(new MemoryStream(bytes), 1000);
        var all = await factory.QueryAsync(db => db.Units.CountAsync(u => u.IsActive));
        Assert.Equal(all + 1, rows.Count); // every unit, the ones after the emoji included
        Assert.Subset(rows.Skip(1).Select(r => r[0]).ToHashSet(), names.ToHashSet());
    }

    [Fact]
    public async Task PreviewsAnImportWithPerRowErrorsAndSavesNothingUntilConfirmed()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var csv = "单位名称,类别,职工人数,党员人数,优势,文明单位级别\r\n" +
                  "市城管局,党政机关,120,60,环境保护、基础设施,市级文明单位\r\n" +
                  "市图书馆,事业单位,35,12,文化,\r\n" +
                  "市财政局,党政机关,10,2,,\r\n" +
                  "坏行<b>,工厂,-3,1,魔法,\r\n";
        var before = await factory.QueryAsync(db => db.Units.CountAsync());

        var response = await client.PostFileAsync("/Units/Import", "/Units/Import", "units.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("2 行可以导入；2 行有错误。", html, StringComparison.Ordinal);
        Assert.Contains("已有同名的单位。", html, StringComparison.Ordinal);
        Assert.Contains("“工厂”不在可选值之中", html, StringComparison.Ordinal);
        Assert.Contains("“魔法”不在可选值之中", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Units.CountAsync()));

        var pendingId = PendingId().Match(html).Groups[1].Value;
        var confirm = await client.PostWithTokenAsync("/Units/ConfirmImport", [KeyValuePair.Create("id", pendingId)], PortalClient.TokenFrom(html));

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var imported = await factory.QueryAsync(db => db.Units.Where(u => u.Name == "市城管局" || u.Name == "市图书馆").OrderBy(u => u.StaffCount).ToListAsync());
        Assert.Equal(2, imported.Count);
        Assert.Equal((UnitKind.PublicInstitution, Strengths.Culture), (imported[0].Kind, imported[0].Strengths));
        Assert.Equal((CivilizedLevel.City, Strengths.Environment | Strengths.Infrastructure), (imported[1].CivilizedLevel, imported[1].Strengths));
        Assert.Equal(before + 2, await factory.QueryAsync(db => db.Units.CountAsync()));
        Assert.Equal(2, await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Note == "从 units.csv 导入")));

        var again = await client.PostWithTokenAsync("/Units/ConfirmImport", [KeyValuePair.Create("id", pendingId)], PortalClient.TokenFrom(html));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(before + 2, await factory.QueryAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task ImportsCommunitiesFromAnExcelFileWithEnglishHeaders()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var xlsx = new MemoryStream();
        await XlsxWriter.WriteAsync(xlsx, "Sheet1", ["Community name", "Kind", "Street or township", "Households", "Population", "Party members", "Weaknesses", "Farmland (mu)"],
            Rows(["青龙村", "村", "城北镇", 300, 1100, 30, "经济基础差、领导班子弱", 850.5m]));

        var response = await client.PostFileAsync("/Communities/Import", "/Communities/Import", "villages.xlsx", xlsx.ToArray());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("1 行可以导入；0 行有错误。", html, StringComparison.Ordinal);
        await client.PostWithTokenAsync("/Communities/ConfirmImport", [KeyValuePair.Create("id", PendingId().Match(html).Groups[1].Value)], PortalClient.TokenFrom(html));

        var village = await factory.QueryAsync(db => db.Communities.SingleAsync(c => c.Name == "青龙村"));
        Assert.Equal((CommunityKind.Village, "城北镇", 850.5m), (village.Kind, village.Street, village.FarmlandMu));
        Assert.Equal(Weaknesses.WeakEconomy | Weaknesses.WeakLeadership, village.Weaknesses);
    }

    // Excel's "Unicode text" (文件 > 另存为 > Unicode 文本): UTF-16 LE with a byte-order mark, tab-separated, named .txt.
    [Fact]
    public async Task ImportsExcelsUnicodeTextFile()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var text = "单位名称\t类别\t职工人数\t党员人数\r\n市𠀀测绘院\t事业单位\t45\t10\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var html = await (await client.PostFileAsync("/Units/Import", "/Units/Import", "单位.txt", bytes)).Content.ReadAsStringAsync();
        Assert.Contains("1 行可以导入；0 行有错误。", html, StringComparison.Ordinal);
        await client.PostWithTokenAsync("/Units/ConfirmImport", [KeyValuePair.Create("id", PendingId().Match(html).Groups[1].Value)], PortalClient.TokenFrom(html));

        var unit = await factory.QueryAsync(db => db.Units.SingleAsync(u => u.Name == "市𠀀测绘院"));
        Assert.Equal((UnitKind.PublicInstitution, 45), (unit.Kind, unit.StaffCount));
    }

    [Theory]
    [InlineData("virus.xlsx", "MZ\u0090\0\u0003 this is a renamed exe")]
    [InlineData("units.xlsx", "单位名称,类别\r\n市某局,党政机关\r\n")]
    [InlineData("units.docx", "单位名称\r\n市某局\r\n")]
    [InlineData("units.csv", "单位名称,类别\r\n")]
    public async Task RefusesAFileItCannotReadWithAClearMessage(string fileName, string content)
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var before = await factory.QueryAsync(db => db.PendingImports.CountAsync());
        var response = await client.PostFileAsync("/Units/Import", "/Units/Import", fileName, Encoding.UTF8.GetBytes(content));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = PortalClient.FieldError(await response.Content.ReadAsStringAsync(), "file");
        Assert.False(string.IsNullOrEmpty(message));
        Assert.Matches("无法读取|只能导入|没有数据行", message);
        Assert.Equal(before, await factory.QueryAsync(db => db.PendingImports.CountAsync()));
    }

    [Fact]
    public async Task DoesNotLetAnotherUserConfirmSomeoneElsesImport()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await (await office.PostFileAsync("/Units/Import", "/Units/Import", "mine.csv", Encoding.UTF8.GetBytes("单位名称,类别,职工人数\r\n市海事局,党政机关,30\r\n"))).Content.ReadAsStringAsync();
        var pendingId = PendingId().Match(html).Groups[1].Value;

        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        var token = PortalClient.TokenFrom(await admin.GetPageAsync("/Units/Import"));
        await admin.PostWithTokenAsync("/Units/ConfirmImport", [KeyValuePair.Create("id", pendingId)], token);

        Assert.False(await factory.QueryAsync(db => db.Units.AnyAsync(u => u.Name == "市海事局")));
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(params object?[][] rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }
        await Task.CompletedTask;
    }

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex PendingId();
}
