using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Pairings;

/// <summary>The office's correction of a pairing's dates, with the version of the pairing the form was made from.</summary>
public sealed class CorrectPairingDatesInput
{
    [Display(Name = "Start date")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "End date")]
    public DateOnly? EndDate { get; set; }

    [Display(Name = "Reason for the correction")]
    public string? Reason { get; set; }

    public Guid Version { get; set; }

    public static CorrectPairingDatesInput From(Pairing pairing) =>
        new() { StartDate = pairing.StartDate, EndDate = pairing.EndDate, Version = pairing.Version };
}

public sealed class CorrectPairingDatesInputValidator : AbstractValidator<CorrectPairingDatesInput>
{
    public CorrectPairingDatesInputValidator(CityClock clock, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.StartDate).NotNull()
            .Must(d => d is null || d.Value >= RecordDates.Earliest && d.Value <= clock.Today.AddYears(1))
            .WithMessage(_ => l["Choose a start date between 2000 and a year from now."]);
        RuleFor(x => x.EndDate)
            .Must(d => d is null || d.Value >= RecordDates.Earliest && d.Value <= clock.Today.AddYears(1))
            .WithMessage(_ => l["Choose an end date between 2000 and a year from now."]);
        RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Give a reason."])
            .FreeText(Pairing.CorrectionReasonMaxLength, l);
    }
}

/// <summary>The correction form: the pairing as it stands (saved meanwhile, after a conflict) and what the user typed.</summary>
public sealed record CorrectDatesPage(Pairing Pairing, CorrectPairingDatesInput Input, bool Conflict);
