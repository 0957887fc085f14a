namespace CivicPairing.Web.Infrastructure;

/// <summary>
/// Where the log file goes: <c>Logs:Path</c> (default <see cref="DefaultPath"/>), a relative path under the content
/// root like the database and the evidence store, never under whatever directory the process was started from.
/// Serilog's rolling file sink puts the date before the extension (civicpairing-20261124.log).
/// </summary>
public static class LogFile
{
    public const string DefaultPath = "App_Data/logs/civicpairing-.log";

    public static string Resolve(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Logs:Path"];
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured.Trim();
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
    }

    /// <summary>The configuration Serilog reads, with the path of every File sink under Serilog:WriteTo set to <see cref="Resolve"/>.</summary>
    public static IConfiguration WithResolvedPath(IConfiguration configuration, string contentRoot)
    {
        var paths = configuration.GetSection("Serilog:WriteTo").GetChildren()
            .Where(sink => string.Equals(sink["Name"], "File", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(sink => sink.Path + ":Args:path", _ => (string?)Resolve(configuration, contentRoot));
        return paths.Count == 0
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(paths).Build();
    }
}
