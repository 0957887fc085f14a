using System.Globalization;
using System.Text.RegularExpressions;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.UnitTests.Web;

/// <summary>Every English key the portal shows has its Simplified Chinese line, so no screen falls back to English.</summary>
public sealed partial class ChineseStringTable
{
    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CivicPairing.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CivicPairing.sln not found above the test folder."), "src");
    }

    public static TheoryData<string> KeysUsedInTheSource()
    {
        var data = new TheoryData<string>();
        foreach (var key in Keys())
        {
            data.Add(key);
        }
        return data;
    }

    private static SortedSet<string> Keys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SourceRoot(), "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains("Migrations", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerKey().Matches(text))
            {
                keys.Add(Regex.Unescape(m.Groups[1].Value));
            }
            foreach (Match m in DisplayName().Matches(text))
            {
                keys.Add(m.Groups[1].Value);
            }
            // Domain refusals are English sentences shown translated (DomainErrors.Text).
            if (file.Contains($"{Path.DirectorySeparatorChar}CivicPairing.Domain{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                foreach (Match m in DomainSentence().Matches(text))
                {
                    keys.Add(m.Groups[1].Value);
                }
            }
        }
        return keys;
    }

    [Theory]
    [MemberData(nameof(KeysUsedInTheSource))]
    public void HasAChineseTranslationFor(string key) => Assert.False(string.IsNullOrEmpty(Translations.Chinese(key)), $"No zh-CN line for \"{key}\" in Resources/SharedResource.zh-CN.resx");

    [Fact]
    public void FindsTheKeysItChecks() => Assert.True(Keys().Count > 200);

    [Fact]
    public void KeepsPlaceholdersInTheTranslation()
    {
        foreach (var key in Keys().Where(k => k.Contains('{', StringComparison.Ordinal)))
        {
            var chinese = Translations.Chinese(key)!;
            foreach (Match placeholder in Placeholder().Matches(key))
            {
                Assert.True(chinese.Contains(placeholder.Value, StringComparison.Ordinal), $"\"{chinese}\" lost {placeholder.Value} of \"{key}\"");
            }
            _ = string.Format(CultureInfo.InvariantCulture, chinese, [.. Enumerable.Range(0, 10).Select(i => (object)i)]);
        }
    }

    [GeneratedRegex("""\b(?:L|l|localizer)\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""Display\(Name = "([^"]+)"\)""")]
    private static partial Regex DisplayName();

    [GeneratedRegex("""(?<!Display\(Name = )"([A-Z][^"]*[.!?])"(?=\s*[,);:])""")]
    private static partial Regex DomainSentence();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();
}
