using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;

namespace CivicPairing.IntegrationTests;

public sealed class LanguageSwitch(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SpeaksChineseEvenToAnEnglishBrowserUntilTheUserSwitches()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Contains("<h1 class=\"h3\">单位", await client.GetPageAsync("/Units"), StringComparison.Ordinal);

        var response = await client.PostFormAsync("/Units", "/Account/Language", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/Units" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Units", response.Headers.Location!.OriginalString);

        var english = await client.GetPageAsync("/Units?q=财政");
        Assert.Contains("<h1 class=\"h3\">Units", english, StringComparison.Ordinal);
        Assert.Contains("Party or government organ", english, StringComparison.Ordinal);
        Assert.Contains(">市财政局</a>", english, StringComparison.Ordinal); // data stays as entered
    }

    [Fact]
    public async Task ShowsDatesTheChineseWay()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await client.GetPageAsync("/Communities?q=状元府");
        var id = System.Text.RegularExpressions.Regex.Match(html, "/Communities/Details/(\\d+)").Groups[1].Value;
        Assert.Contains("自2017年5月1日起", await client.GetPageAsync($"/Communities/Details/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IgnoresAnUnknownLanguageAndAForeignReturnAddress()
    {
        using var client = factory.CreatePortalClient();
        var response = await client.PostFormAsync("/Account/Login", "/Account/Language", new Dictionary<string, string> { ["culture"] = "xx", ["returnUrl"] = "https://evil.example/" });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.Contains("Culture", StringComparison.Ordinal)));
    }
}
