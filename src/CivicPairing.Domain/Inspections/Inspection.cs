using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain.Pairings;

namespace CivicPairing.Domain.Inspections;

public enum FindingResult
{
    [Display(Name = "Meets the requirement")]
    Pass = 1,
    [Display(Name = "Falls short")]
    Fail = 2,
    [Display(Name = "Does not apply here")]
    NotApplicable = 3,
}

/// <summary>One checked item of an inspection (逐项逐条跟踪检查, 篇1).</summary>
public sealed record InspectionFinding(string Item, FindingResult Result, string? Notes);

/// <summary>
/// 督查: the office's visit to a pairing, checked item by item, scored 0–100. Shortcomings get a rectification
/// deadline (整改) and, later, the follow-up result.
/// </summary>
public class Inspection
{
    public const int TextMaxLength = 1000;
    public const int InspectorMaxLength = 256;

    /// <summary>How far ahead a rectification deadline may be set.</summary>
    public const int MaxRectificationYears = 2;

    /// <summary>The checklist a new database starts with; the office edits it (<see cref="ChecklistItem"/>), and each inspection may add or drop items.</summary>
    public static readonly IReadOnlyList<string> DefaultChecklist =
    [
        "协议任务按期推进", "每月至少走访一次", "单位一把手亲自参与", "共建台账资料齐全", "居民对共建工作满意",
    ];

    public int Id { get; set; }
    public int PairingId { get; set; }
    public Pairing? Pairing { get; set; }
    public DateOnly Date { get; set; }
    public string Inspector { get; set; } = "";
    public int Score { get; set; }
    public List<InspectionFinding> Findings { get; set; } = [];
    public DateOnly? RectificationDeadline { get; set; }
    public string? FollowUp { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public bool? Rectified { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool NeedsRectification => Findings.Any(f => f.Result == FindingResult.Fail);

    public static Inspection Record(Pairing pairing, DateOnly date, DateOnly today, string inspector, int score,
        IReadOnlyList<InspectionFinding> findings, DateOnly? rectificationDeadline, DateTimeOffset now)
    {
        if (pairing.Status is not (PairingStatus.Active or PairingStatus.Suspended))
        {
            throw new DomainException("Only a pairing in force or suspended can be inspected.");
        }
        if (date > today || date < pairing.StartDate)
        {
            throw new DomainException("The inspection date must be between the pairing's start ({0}) and today.", pairing.StartDate);
        }
        if (score is < 0 or > 100)
        {
            throw new DomainException("The inspection score must be from 0 to 100.");
        }
        if (findings.Count == 0)
        {
            throw new DomainException("Record at least one checked item.");
        }
        var failed = findings.Any(f => f.Result == FindingResult.Fail);
        if (failed && rectificationDeadline is null)
        {
            throw new DomainException("Items fall short: set a rectification deadline.");
        }
        if (rectificationDeadline is { } deadline && deadline <= date)
        {
            throw new DomainException("The rectification deadline must come after the inspection.");
        }
        if (rectificationDeadline > date.AddYears(MaxRectificationYears))
        {
            throw new DomainException("Set a rectification deadline within {0} years of the inspection.", MaxRectificationYears);
        }
        return new Inspection
        {
            Pairing = pairing, PairingId = pairing.Id, Date = date, Inspector = PlainText.Required(inspector, InspectorMaxLength, "Enter the inspector's name.", "Inspector"), Score = score, Findings = [.. findings],
            RectificationDeadline = failed ? rectificationDeadline : null, CreatedAt = now,
        };
    }

    /// <summary>The office's follow-up of a rectification: what it found, and whether the shortcomings are put right.</summary>
    public void RecordFollowUp(string result, bool rectified, DateOnly on)
    {
        if (!NeedsRectification)
        {
            throw new DomainException("Nothing in this inspection needs rectifying.");
        }
        if (on < Date)
        {
            throw new DomainException("The follow-up cannot be before the inspection.");
        }
        FollowUp = PlainText.Required(result, TextMaxLength, "Say what the follow-up found.", "result");
        FollowUpOn = on;
        Rectified = rectified;
    }
}
