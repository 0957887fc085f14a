using System.Security.Cryptography;

namespace CivicPairing.Web.Infrastructure.Evidence;

/// <summary>Where evidence bytes live. Local disk here; a shared volume or object store behind the same interface for several instances.</summary>
public interface IEvidenceStore
{
    /// <summary>Stores the content under a new random name and returns that name; on failure nothing is left behind.</summary>
    Task<string> SaveAsync(Stream content, string extension, CancellationToken ct);

    /// <summary>The stored content, or null when it is not there.</summary>
    Stream? Open(string storedName);

    void Delete(string storedName);
}

/// <summary>Files under a folder outside wwwroot (Evidence:Root, default App_Data/evidence), never served directly.</summary>
public sealed class LocalDiskEvidenceStore : IEvidenceStore
{
    private readonly string _root;

    public LocalDiskEvidenceStore(IConfiguration configuration, IHostEnvironment environment)
    {
        var root = configuration["Evidence:Root"] ?? Path.Combine("App_Data", "evidence");
        _root = Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root));
        Directory.CreateDirectory(_root);
    }

    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken ct)
    {
        // 128 random bits: names can be neither guessed nor chosen by the uploader.
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        try
        {
            await using (file)
            {
                await content.CopyToAsync(file, ct);
            }
        }
        catch
        {
            File.Delete(path); // a half-written file (full disk, cancelled request) is nobody's evidence
            throw;
        }
        return name;
    }

    public Stream? Open(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Two-level fan-out keeps folders small; the name is checked so it can never walk out of the root.</summary>
    private string PathOf(string storedName)
    {
        if (storedName.Length < 8 || storedName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '.')))
        {
            throw new ArgumentException("Not a stored evidence name.", nameof(storedName));
        }
        return Path.Combine(_root, storedName[..2], storedName);
    }
}
