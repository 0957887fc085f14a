using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Pairings;

public sealed class ProposePairingInput
{
    [Display(Name = "Unit")]
    public int? UnitId { get; set; }

    [Display(Name = "Community")]
    public int? CommunityId { get; set; }

    [Display(Name = "Start date")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Why this pairing")]
    public string? Note { get; set; }
}

public sealed class ProposePairingInputValidator : AbstractValidator<ProposePairingInput>
{
    public ProposePairingInputValidator(CityClock clock, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UnitId).NotNull();
        RuleFor(x => x.CommunityId).NotNull();
        RuleFor(x => x.StartDate).NotNull()
            .Must(d => d is null || d.Value >= RecordDates.Earliest && d.Value <= clock.Today.AddYears(1))
            .WithMessage(_ => l["Choose a start date between 2000 and a year from now."]);
        RuleFor(x => x.Note).FreeText(Pairing.ReasonMaxLength, l);
    }
}

/// <summary>A reason typed for a state change (reject, suspend, end, override).</summary>
[Infrastructure.Validation.PlainValues]
public sealed class PairingDecisionInput
{
    public string? Reason { get; set; }
    public string? OverrideReason { get; set; }
    public DateOnly? EndDate { get; set; }
    public Guid Version { get; set; }
}
