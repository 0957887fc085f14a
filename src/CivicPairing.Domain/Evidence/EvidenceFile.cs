namespace CivicPairing.Domain.Evidence;

/// <summary>
/// A photo, sign-in sheet or document that backs a report. The bytes live in the evidence store
/// under a random name; this row says what it is, who sent it and what it belongs to.
/// </summary>
public class EvidenceFile
{
    public const int OriginalNameMaxLength = 255;

    public Guid Id { get; set; }
    public string StoredName { get; set; } = "";
    /// <summary>A small JPEG of a photo for lists and pages; null for documents.</summary>
    public string? ThumbnailName { get; set; }
    public string OriginalName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    /// <summary>The agreement task whose completion report this file supports.</summary>
    public int? AgreementTaskId { get; set; }
    /// <summary>The activity this photo or sign-in sheet documents.</summary>
    public int? ActivityId { get; set; }
    /// <summary>The need whose completion report this file supports.</summary>
    public int? NeedId { get; set; }
    /// <summary>The aid household whose 已脱困 (or progress) this file documents.</summary>
    public int? AidHouseholdId { get; set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
