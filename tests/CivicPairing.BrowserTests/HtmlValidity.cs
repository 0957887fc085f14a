using System.Diagnostics;
using System.Text.Json;

namespace CivicPairing.BrowserTests;

/// <summary>
/// The Nu HTML Checker (vnu-jar from npm, on a Java runtime) over the HTML the portal sends for every page of every role
/// that the accessibility test visits, and a few record pages: no error. One JVM run checks all of them (it is slow to start).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HtmlValidity(BrowserPortal browser)
{
    private static string VnuPath => Path.Combine(BrowserPortal.TestsFolder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>Pages beyond the accessibility test's main pages: the records' pages and the people lists.</summary>
    private static readonly (string? User, string Path)[] RecordPages =
    [
        ("demo.office", "/Units/Details/1"), ("demo.office", "/Communities/Details/1"), ("demo.office", "/Pairings/Details/1"),
        ("demo.office", "/Agreements/Details/1"), ("demo.office", "/Tasks/Details/1"), ("demo.office", "/AidHouseholds"),
        ("demo.office", "/Members"), ("demo.liaison", "/Members"), ("demo.liaison", "/Pairings"), ("demo.liaison", "/Agreements"),
        ("demo.secretary", "/AidHouseholds"), ("demo.secretary", "/Activities"), ("demo.member", "/Me"),
    ];

    [SkippableFact]
    public async Task EveryPageOfEveryRoleIsValidHtml()
    {
        BrowserPortal.RequirePrerequisites();
        RequireValidator();
        var pages = Accessibility.MainPages().Select(row => ((string?)row[0], (string)row[1])).Concat(RecordPages);
        var folder = Directory.CreateTempSubdirectory("civicpairing-vnu-");
        try
        {
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var group in pages.GroupBy(p => p.Item1))
            {
                var page = await browser.SignedInAsync(group.Key);
                foreach (var (_, path) in group)
                {
                    var response = await page.GotoAsync(path);
                    Assert.True(response?.Status == 200, $"{path} as {group.Key}: {response?.Status}");
                    var file = Path.Combine(folder.FullName, $"page{sources.Count:D3}.html");
                    await File.WriteAllTextAsync(file, await response!.TextAsync());
                    sources[file] = $"{group.Key ?? "anonymous"} {path}";
                }
                await page.Context.CloseAsync();
            }

            var errors = await ValidateAsync(sources.Keys);
            Assert.Empty(errors.Select(e => $"{(sources.TryGetValue(e.File, out var source) ? source : e.File)} line {e.Line}: {e.Message}"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs vnu once over the files; its JSON lists each error with the file it is in.</summary>
    internal static async Task<List<(string File, int Line, string Message)>> ValidateAsync(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-jar", VnuPath, "--format", "json", "--stdout", .. files])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var diagnostics = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        Assert.True(text.TrimStart().StartsWith('{'), "vnu gave no JSON: " + await diagnostics);
        using var json = JsonDocument.Parse(text);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => (
                File: m.TryGetProperty("url", out var url) ? new Uri(url.GetString()!).LocalPath : "",
                Line: m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                Message: m.GetProperty("message").GetString() ?? ""))];
    }

    /// <summary>Skips (or under CI=true fails) without Java or vnu-jar, like the other prerequisites.</summary>
    internal static void RequireValidator()
    {
        var java = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "java")));
        var missing = !java ? "Java is not installed: run `sudo apt-get install -y default-jre-headless` (or `bash .ci/run`, which installs it)."
            : !File.Exists(VnuPath) ? "vnu-jar is not installed: run `npm ci --prefix tests/CivicPairing.BrowserTests`."
            : null;
        if (missing is null)
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI must run the HTML validator. " + missing);
        }
        Skip.If(true, missing);
    }
}
