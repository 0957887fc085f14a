using CivicPairing.Domain.Evidence;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure.Evidence;

/// <summary>
/// Checks uploaded evidence (type by its first bytes, never by name or browser claim; size; count; a photo's pixel count
/// and that every row of it decodes) and stores it. All files are checked before any is stored, so a bad one stores
/// nothing; one instance per request (scoped), as it keeps each photo's reading between the check and the store.
/// </summary>
public sealed class EvidenceUploads(IEvidenceStore store, CityClock clock, IStringLocalizer<SharedResource> l)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 6;
    public const string Accept = "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf";

    private readonly Dictionary<IFormFile, PhotoReading> _readings = new(ReferenceEqualityComparer.Instance);

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

    /// <summary>
    /// The first problem with these files in the user's language, or null when all may be stored. Each photo is read
    /// once, whole, here (size from its header first, see <see cref="Thumbnails"/>); its thumbnail is kept for <see cref="StoreAsync"/>.
    /// </summary>
    /// <summary>
    /// A form sent back with its errors cannot hold the files chosen in it (a file input is never filled again by the
    /// server): say so beside the file field, unless that field has its own error already, so no photo goes unnoticed.
    /// </summary>
    public void AskAgainForFiles(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IReadOnlyCollection<IFormFile> files, string field = "files")
    {
        if (files.Count > 0 && !modelState.IsValid)
        {
            modelState.TryAddModelError(field, l["Choose the photos again: files are not kept when the form is sent back."]);
        }
    }

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
                var reading = Read(file);
                switch (reading.Verdict)
                {
                    case PhotoVerdict.TooManyPixels:
                        return l["{0} has {1} × {2} pixels, more than the {3} megapixels a photo may have. Send a smaller copy of it.",
                            file.FileName, reading.Width, reading.Height, Thumbnails.MaxPixels / 1_000_000, Thumbnails.MaxPixels / 10_000];
                    case PhotoVerdict.Incomplete:
                        return l["{0} is incomplete: the photo's data stops part way, as when an upload is cut short. Send it again.", file.FileName];
                    case PhotoVerdict.Damaged:
                        return l["{0} is damaged: the photo cannot be read.", file.FileName];
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Stores checked files and returns their rows (not yet added to the database). If anything fails on the way, the
    /// bytes stored so far are removed before the failure is passed on.
    /// </summary>
    public async Task<List<EvidenceFile>> StoreAsync(IReadOnlyList<IFormFile> files, string uploadedBy, CancellationToken ct)
    {
        var stored = new List<EvidenceFile>();
        var names = new List<string>();
        try
        {
            foreach (var file in files)
            {
                var (contentType, extension) = await KindOfAsync(file, ct) ?? throw new InvalidOperationException("Store only checked files.");
                string? thumbnail = null;
                if (contentType.StartsWith("image/", StringComparison.Ordinal))
                {
                    var jpeg = Read(file).Thumbnail ?? throw new InvalidOperationException("Store only checked files.");
                    thumbnail = await SaveAsync(new MemoryStream(jpeg), ".jpg");
                }
                string name;
                await using (var content = file.OpenReadStream())
                {
                    name = await SaveAsync(content, extension);
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
            foreach (var name in names)
            {
                store.Delete(name);
            }
            throw;
        }

        async Task<string> SaveAsync(Stream content, string extension)
        {
            var name = await store.SaveAsync(content, extension, ct);
            names.Add(name);
            return name;
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

    /// <summary>The photo read once per request, by <see cref="CheckAsync"/> or else here.</summary>
    private PhotoReading Read(IFormFile file)
    {
        if (!_readings.TryGetValue(file, out var reading))
        {
            using var content = file.OpenReadStream();
            reading = Thumbnails.Read(content);
            _readings[file] = reading;
        }
        return reading;
    }

    private static async Task<(string ContentType, string Extension)?> KindOfAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[8];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return Detect(head.AsSpan(0, read));
    }
}
