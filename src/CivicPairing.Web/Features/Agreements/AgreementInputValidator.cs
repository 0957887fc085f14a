using CivicPairing.Domain;
using CivicPairing.Domain.Agreements;
using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Agreements;

public sealed class AgreementInputValidator : AbstractValidator<AgreementInput>
{
    /// <summary>How far ahead an agreement may start.</summary>
    public const int MaxYearsAhead = 2;

    public AgreementInputValidator(AppDbContext db, CityClock clock, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Number).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .PlainName(Agreement.NumberMaxLength, () => l["Use only letters, digits, spaces and brackets in a name."])
            .MustAsync(async (input, number, ct) => input.NumberLocked
                || !await db.Agreements.AnyAsync(a => a.Number == number!.Trim() && a.Id != (input.AgreementId ?? 0), ct))
            .WithMessage(_ => l["Another agreement has this number already."]);
        RuleFor(x => x.Title).Cascade(CascadeMode.Stop).NotEmpty().FreeText(Agreement.TitleMaxLength, l);
        RuleFor(x => x.FocusAreas).NotEmpty().WithMessage(_ => l["Choose at least one focus area."]);
        RuleForEach(x => x.FocusAreas).IsInEnum();
        RuleFor(x => x.Principles).FreeText(Agreement.TextMaxLength, l);
        RuleFor(x => x.Clauses).FreeText(Agreement.TextMaxLength, l);
        RuleFor(x => x.StartDate).NotNull()
            .Must(d => d is null || d.Value >= RecordDates.Earliest).WithMessage(_ => l["Choose a date from 2000 on."])
            .Must(d => d is null || d.Value <= clock.Today.AddYears(MaxYearsAhead)).WithMessage(_ => l["Choose a start date at most {0} years ahead.", MaxYearsAhead]);
        // Counted in days, so no date however far off overflows the sum.
        RuleFor(x => x.EndDate).NotNull()
            .GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null).WithMessage(_ => l["The period ends before it starts."])
            .Must((x, end) => end is null || x.StartDate is null || end.Value.DayNumber - x.StartDate.Value.DayNumber <= 3653).WithMessage(_ => l["An agreement runs ten years at the most."]);
        RuleFor(x => x.VisitsPerMonth).InclusiveBetween(0, 31);
        RuleFor(x => x.CoordinationMeetingsPerQuarter).InclusiveBetween(0, 13);
        RuleFor(x => x.JointMeetingsPerHalfYear).InclusiveBetween(0, 26);
        RuleFor(x => x.Tasks).Must(tasks => tasks.Any(t => !t.IsBlank)).WithMessage(_ => l["List at least one task."]).OverridePropertyName("Tasks");
        RuleFor(x => x.Tasks).Must(tasks => tasks.Count(t => !t.IsBlank) <= 100).WithMessage(_ => l["An agreement lists 100 tasks at the most."]);
        RuleForEach(x => x.Tasks).Where(t => !t.IsBlank).ChildRules(task =>
        {
            task.RuleFor(t => t.Title).Cascade(CascadeMode.Stop).NotEmpty().FreeText(AgreementTask.TitleMaxLength, l);
            task.RuleFor(t => t.Description).FreeText(AgreementTask.TextMaxLength, l);
            task.RuleFor(t => t.DueDate).NotNull();
        });
        RuleForEach(x => x.Tasks)
            .Must((x, t) => t.IsBlank || t.DueDate is null || x.StartDate is null || x.EndDate is null || (t.DueDate >= x.StartDate && t.DueDate <= x.EndDate))
            .WithMessage((x, t) => l["Due outside the period ({0} to {1}).", Format.Date(x.StartDate!.Value), Format.Date(x.EndDate!.Value)]);
    }
}
