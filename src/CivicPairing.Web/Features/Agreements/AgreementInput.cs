using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain;
using CivicPairing.Domain.Agreements;

namespace CivicPairing.Web.Features.Agreements;

/// <summary>The agreement form (篇4's template): terms, commitments and the numbered task list.</summary>
public sealed class AgreementInput
{
    public const int BlankTaskRows = 3;

    public int PairingId { get; set; }

    /// <summary>Set by the controller, never bound: the draft being edited (null when creating).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public int? AgreementId { get; set; }

    /// <summary>Set by the controller for an amendment: it keeps the number of the agreement it amends.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool NumberLocked { get; set; }

    [Display(Name = "Agreement number")]
    public string? Number { get; set; }

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Focus areas")]
    public List<FocusAreas> FocusAreas { get; set; } = [];

    [Display(Name = "Principles")]
    public string? Principles { get; set; }

    [Display(Name = "Start date")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "End date")]
    public DateOnly? EndDate { get; set; }

    [Display(Name = "Visits a month")]
    public int? VisitsPerMonth { get; set; }

    [Display(Name = "Coordination meetings a quarter")]
    public int? CoordinationMeetingsPerQuarter { get; set; }

    [Display(Name = "Joint meetings a half-year")]
    public int? JointMeetingsPerHalfYear { get; set; }

    [Display(Name = "Further clauses")]
    public string? Clauses { get; set; }

    public List<TaskRow> Tasks { get; set; } = [];

    public Guid Version { get; set; }

    /// <summary>Rows the user left entirely empty are not tasks.</summary>
    public IEnumerable<TaskRow> FilledTasks => Tasks.Where(t => !t.IsBlank);

    public static AgreementInput From(Agreement a) => new()
    {
        PairingId = a.PairingId, Number = a.Number, Title = a.Title, FocusAreas = [.. a.FocusAreas.Flagged()], Principles = a.Principles,
        StartDate = a.StartDate, EndDate = a.EndDate, VisitsPerMonth = a.VisitsPerMonth, CoordinationMeetingsPerQuarter = a.CoordinationMeetingsPerQuarter,
        JointMeetingsPerHalfYear = a.JointMeetingsPerHalfYear, Clauses = a.Clauses, Version = a.Version,
        Tasks = [.. a.Tasks.OrderBy(t => t.Number).Select(t => new TaskRow { Title = t.Title, Description = t.Description, DueDate = t.DueDate })],
    };

    public void ApplyTo(Agreement a)
    {
        a.Number = Number!.Trim();
        a.Title = Title!.Trim();
        a.FocusAreas = FocusAreas.Combine();
        a.Principles = string.IsNullOrWhiteSpace(Principles) ? Agreement.DefaultPrinciples : Principles.Trim();
        a.StartDate = StartDate!.Value;
        a.EndDate = EndDate!.Value;
        a.VisitsPerMonth = VisitsPerMonth ?? 0;
        a.CoordinationMeetingsPerQuarter = CoordinationMeetingsPerQuarter ?? 0;
        a.JointMeetingsPerHalfYear = JointMeetingsPerHalfYear ?? 0;
        a.Clauses = string.IsNullOrWhiteSpace(Clauses) ? null : Clauses.Trim();
        a.Tasks.Clear();
        var number = 0;
        foreach (var row in FilledTasks)
        {
            a.Tasks.Add(new AgreementTask
            {
                Number = ++number, Title = row.Title!.Trim(), Description = string.IsNullOrWhiteSpace(row.Description) ? null : row.Description.Trim(),
                DueDate = row.DueDate!.Value,
            });
        }
    }

    /// <summary>Keeps a few empty rows at the end of the task list for the user to fill.</summary>
    public AgreementInput WithBlankRows()
    {
        Tasks = [.. FilledTasks];
        for (var i = 0; i < BlankTaskRows; i++)
        {
            Tasks.Add(new TaskRow());
        }
        return this;
    }
}

public sealed class TaskRow
{
    [Display(Name = "Task")]
    public string? Title { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Due date")]
    public DateOnly? DueDate { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Description) && DueDate is null;
}
