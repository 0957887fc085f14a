using CivicPairing.Domain.Evidence;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure.Evidence;

/// <summary>
/// Checks uploaded evidence (type by its first bytes, never by name or browser claim; size; count)
/// and stores it. All files are checked before any is stored, so a bad one stores nothing.
/// </summary>
public sealed class EvidenceUploads(IEvidenceStore store, CityClock clock, IStringLocalizer<SharedResource> l)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 6;
    public const string Accept = "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf";

    private static readonly (byte[] Magic, string ContentType, string Extension)[] Kinds =
    [
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
    ];

    /// <summary>The kind of file these bytes start with, if it is one we accept.</summary>
    public static (string ContentType, string Extension)? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, contentType, extension) in Kinds)
        {
            if (head.StartsWith(magic))
            {
                return (contentType, extension);
            }
        }
        return null;
    }

    /// <summary>The first problem with these files in the user's language, or null when all may be stored.</summary>
    public async Task<string?> CheckAsync(IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        if (files.Count > MaxFiles)
        {
            return l["Attach {0} files at the most.", MaxFiles];
        }
        foreach (var file in files)
        {
            if (file.Length == 0)
            {
                return l["{0} is empty.", file.FileName];
            }
            if (file.Length > MaxFileBytes)
            {
                return l["{0} is larger than {1} MB.", file.FileName, MaxFileBytes / 1024 / 1024];
            }
            var kind = await KindOfAsync(file, ct);
            if (kind is null)
            {
                return l["{0} is not a JPEG or PNG photo or a PDF document.", file.FileName];
            }
            if (kind.Value.ContentType.StartsWith("image/", StringComparison.Ordinal))
            {
                await using var image = file.OpenReadStream();
                if (!Thumbnails.CanDecode(image))
                {
                    return l["{0} is damaged: the photo cannot be read.", file.FileName];
                }
            }
        }
        return null;
    }

    /// <summary>Stores checked files and returns their rows (not yet added to the database).</summary>
    public async Task<List<EvidenceFile>> StoreAsync(IReadOnlyList<IFormFile> files, string uploadedBy, CancellationToken ct)
    {
        var stored = new List<EvidenceFile>();
        try
        {
            foreach (var file in files)
            {
                var (contentType, extension) = await KindOfAsync(file, ct) ?? throw new InvalidOperationException("Store only checked files.");
                await using var content = file.OpenReadStream();
                var name = await store.SaveAsync(content, extension, ct);
                string? thumbnail = null;
                if (contentType.StartsWith("image/", StringComparison.Ordinal))
                {
                    await using var again = file.OpenReadStream();
                    if (Thumbnails.Create(again) is { } jpeg)
                    {
                        thumbnail = await store.SaveAsync(new MemoryStream(jpeg), ".jpg", ct);
                    }
                }
                stored.Add(new EvidenceFile
                {
                    Id = Guid.NewGuid(), StoredName = name, ThumbnailName = thumbnail, ContentType = contentType, Length = file.Length, UploadedAt = clock.Now,
                    UploadedBy = uploadedBy, OriginalName = Path.GetFileName(file.FileName) is { Length: > 0 } n ? n[..Math.Min(n.Length, EvidenceFile.OriginalNameMaxLength)] : "file" + extension,
                });
            }
            return stored;
        }
        catch
        {
            Discard(stored);
            throw;
        }
    }

    /// <summary>Removes stored bytes whose rows were not saved, so a failed save leaves no orphans.</summary>
    public void Discard(IEnumerable<EvidenceFile> files)
    {
        foreach (var file in files)
        {
            store.Delete(file.StoredName);
            if (file.ThumbnailName is { } thumbnail)
            {
                store.Delete(thumbnail);
            }
        }
    }

    private static async Task<(string ContentType, string Extension)?> KindOfAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[8];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return Detect(head.AsSpan(0, read));
    }
}
