using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain;
using CivicPairing.Domain.Activities;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Activities;

/// <summary>The activity form a liaison fills in, often on a phone in the field.</summary>
public sealed class ActivityInput
{
    [Display(Name = "Community")]
    public int? PairingId { get; set; }

    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Category")]
    public ActivityCategory? Category { get; set; }

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "What was done")]
    public string? Description { get; set; }

    [Display(Name = "People sent")]
    public int? PeopleSent { get; set; }

    [Display(Name = "Person-hours")]
    public decimal? PersonHours { get; set; }

    [Display(Name = "The unit leader took part")]
    public bool LeaderTookPart { get; set; }

    [Display(Name = "Funds (yuan)")]
    public decimal? Funds { get; set; }

    [Display(Name = "Materials")]
    public string? Materials { get; set; }

    [Display(Name = "People served")]
    public int? PeopleServed { get; set; }

    [Display(Name = "Attendees (joint meetings)")]
    public string? Attendees { get; set; }

    [Display(Name = "Agreement tasks worked on")]
    public List<int> TaskIds { get; set; } = [];

    [Display(Name = "Aid household visited or helped")]
    public int? AidHouseholdId { get; set; }

    /// <summary>Issued with the empty form; the same key twice is the same submission.</summary>
    public Guid SubmissionKey { get; set; }

    public Guid Version { get; set; }

    public ActivityFacts ToFacts() => new(Date!.Value, Category!.Value, Title!.Trim(), Description, PeopleSent ?? 0, PersonHours ?? 0,
        LeaderTookPart, Funds ?? 0, Materials, PeopleServed ?? 0, Attendees);

    public static ActivityInput From(Activity a) => new()
    {
        PairingId = a.PairingId, Date = a.Date, Category = a.Category, Title = a.Title, Description = a.Description, PeopleSent = a.PeopleSent,
        PersonHours = a.PersonHours, LeaderTookPart = a.LeaderTookPart, Funds = a.Funds, Materials = a.Materials, PeopleServed = a.PeopleServed,
        Attendees = a.Attendees, Version = a.Version, TaskIds = [.. a.LinkedTasks.Select(t => t.Id)], AidHouseholdId = a.AidHouseholdId,
    };
}

public sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    public ActivityInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.PairingId).NotNull();
        RuleFor(x => x.Date).NotNull().Must(d => d is null || d.Value >= RecordDates.Earliest).WithMessage(_ => l["Choose a date from 2000 on."]);
        RuleFor(x => x.Category).NotNull().IsInEnum();
        // Plain text, as every form's (docs/input.md): markup and control characters are refused with a message.
        RuleFor(x => x.Title).Cascade(CascadeMode.Stop).NotEmpty().FreeText(Activity.TitleMaxLength, l);
        RuleFor(x => x.Description).FreeText(Activity.TextMaxLength, l);
        RuleFor(x => x.Materials).FreeText(1000, l);
        RuleFor(x => x.Attendees).FreeText(2000, l);
        RuleFor(x => x.PeopleSent).NotNull().InclusiveBetween(1, Activity.MaxPeople);
        RuleFor(x => x.PersonHours).NotNull().InclusiveBetween(0, Activity.MaxPeople * 24m).PrecisionScale(10, 2, true);
        RuleFor(x => x.Funds).InclusiveBetween(0, 1_000_000_000m).PrecisionScale(18, 2, true);
        RuleFor(x => x.PeopleServed).InclusiveBetween(0, 10_000_000);
    }
}
