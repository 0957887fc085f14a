using System.Text.RegularExpressions;

namespace CivicPairing.BrowserTests;

/// <summary>
/// Every page each role reaches by following the links of its pages from its home page (breadth first, each kind of page
/// once: a path with its ids as placeholders and the names of its query parameters), beyond the fixed lists of the
/// accessibility and validator tests: no link a user cannot follow (no 4xx, no 5xx), axe finds nothing serious or
/// critical, and the Nu HTML Checker no error (one JVM run for all the pages).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EveryLinkedPage(BrowserPortal browser)
{
    private const int PagesPerRole = 90, Depth = 3;
    private static readonly string[] Users = ["demo.office", "demo.admin", "demo.liaison", "demo.secretary", "demo.member"];

    [SkippableFact]
    public async Task EveryPageEachRoleReachesFollowsTheRules()
    {
        BrowserPortal.RequirePrerequisites();
        HtmlValidity.RequireValidator();
        var folder = Directory.CreateTempSubdirectory("civicpairing-crawl-");
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var visitedInAll = 0;
        try
        {
            foreach (var user in Users)
            {
                var page = await browser.SignedInAsync(user, bypassCsp: true); // only for injecting axe
                var kinds = new HashSet<string>(StringComparer.Ordinal) { Kind("/") };
                var queue = new Queue<(string Path, int Depth, string From)>([("/", 0, "")]);
                var visited = 0;
                while (queue.Count > 0 && visited < PagesPerRole)
                {
                    var (path, depth, from) = queue.Dequeue();
                    var response = await page.GotoAsync(path);
                    visited++;
                    var status = response?.Status ?? 0;
                    if (status is < 200 or >= 400)
                    {
                        problems.Add($"{user} {path} (linked from {from}): HTTP {status}");
                        continue;
                    }
                    if (!response!.Headers.TryGetValue("content-type", out var type) || !type.StartsWith("text/html", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    var file = Path.Combine(folder.FullName, $"page{sources.Count:D4}.html");
                    await File.WriteAllTextAsync(file, await response.TextAsync());
                    sources[file] = $"{user} {path}";

                    problems.AddRange((await browser.SeriousFindingsAsync(page)).Select(f => $"{user} {path}: axe {f}"));

                    if (depth >= Depth)
                    {
                        continue;
                    }
                    var here = new Uri(page.Url).PathAndQuery;
                    var links = await page.EvalOnSelectorAllAsync<string[]>("main a[href]:not([download]), nav a[href]:not([download])",
                        "links => links.map(a => a.getAttribute('href'))");
                    foreach (var href in links.Where(Followed).Distinct(StringComparer.Ordinal))
                    {
                        if (kinds.Add(Kind(href)))
                        {
                            queue.Enqueue((href, depth + 1, here));
                        }
                    }
                }
                visitedInAll += visited;
                await page.Context.CloseAsync();
            }

            Assert.True(visitedInAll >= 150, $"the crawl reached only {visitedInAll} pages");
            var errors = await HtmlValidity.ValidateAsync(sources.Keys);
            problems.AddRange(errors.Select(e => $"{(sources.TryGetValue(e.File, out var source) ? source : e.File)} line {e.Line}: vnu {e.Message}"));
            Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Links to the portal's own pages; not downloads (exports, evidence files), not opening a notice (it marks it read,
    /// which the notification test counts on), not signing out or switching language (forms, never links).
    /// </summary>
    private static bool Followed(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.Contains("/Export", StringComparison.OrdinalIgnoreCase) && !href.Contains("format=", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/Evidence/", StringComparison.OrdinalIgnoreCase) && !href.StartsWith("/Notifications/Open", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/Account/Log", StringComparison.OrdinalIgnoreCase) && !href.StartsWith("/lib/", StringComparison.Ordinal)
        && !href.StartsWith("/css/", StringComparison.Ordinal) && !href.StartsWith("/icons/", StringComparison.Ordinal);

    /// <summary>A kind of page: the path with its numbers and ids as placeholders, and the names of its query parameters.</summary>
    private static string Kind(string href)
    {
        var parts = href.Split('#')[0].Split('?', 2);
        var path = Ids().Replace(parts[0], "/{id}").TrimEnd('/');
        var names = parts.Length > 1
            ? string.Join('&', parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal))
            : "";
        return path.ToLowerInvariant() + "?" + names;
    }

    [GeneratedRegex(@"/(\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=/|$)")]
    private static partial Regex Ids();
}
