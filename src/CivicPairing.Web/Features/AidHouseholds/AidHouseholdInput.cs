using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain.AidHouseholds;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.AidHouseholds;

/// <summary>The office's choices for aid households (appsettings "AidHouseholds").</summary>
public sealed class AidHouseholdOptions
{
    /// <summary>
    /// Whether the secretary's form asks for the head of household's ID number. Off by default (PIPL: collect only what
    /// the work needs); when on, only the masked form (<c>3201**********1234</c>) is stored.
    /// </summary>
    public bool CollectIdNumbers { get; set; }

    /// <summary>Annual net income per person a household should reach (篇3: 5,000 yuan).</summary>
    public decimal IncomeTargetPerPerson { get; set; } = 5000m;
}

/// <summary>The secretary's household form.</summary>
public sealed class AidHouseholdInput
{
    [Display(Name = "Head of household")]
    public string? HeadName { get; set; }
    [Display(Name = "Members")]
    public int? MemberCount { get; set; }
    [Display(Name = "Members' names (optional)")]
    public string? MemberNames { get; set; }
    [Display(Name = "Difficulties")]
    public List<Difficulties> Difficulties { get; set; } = [];
    [Display(Name = "ID number")]
    public string? IdNumber { get; set; }
    [Display(Name = "Paired unit")]
    public int? PairingId { get; set; }
    [Display(Name = "Party member responsible")]
    public string? ResponsibleName { get; set; }
    [Display(Name = "Their phone")]
    public string? ResponsiblePhone { get; set; }
    [Display(Name = "Annual income per person (yuan, optional)")]
    public decimal? IncomePerPerson { get; set; }
    public Guid Version { get; set; }

    public AidHouseholdFacts ToFacts() => new(HeadName ?? "", MemberCount ?? 0, MemberNames, Difficulties.Aggregate(Domain.AidHouseholds.Difficulties.None, (a, b) => a | b),
        IdNumber, ResponsibleName ?? "", ResponsiblePhone, IncomePerPerson);

    public static AidHouseholdInput From(AidHousehold h) => new()
    {
        HeadName = h.HeadName, MemberCount = h.MemberCount, MemberNames = h.MemberNames,
        Difficulties = [.. Enum.GetValues<Difficulties>().Where(d => d != Domain.AidHouseholds.Difficulties.None && h.Difficulties.HasFlag(d))],
        PairingId = h.PairingId, ResponsibleName = h.ResponsibleName, ResponsiblePhone = h.ResponsiblePhone, IncomePerPerson = h.IncomePerPerson, Version = h.Version,
    };
}

public sealed class AidHouseholdInputValidator : AbstractValidator<AidHouseholdInput>
{
    public AidHouseholdInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.HeadName).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => l["Give the head of household's name."])
            .PlainName(AidHousehold.NameMaxLength, () => l["Use only letters, digits, spaces and brackets in a name."]);
        RuleFor(x => x.MemberCount).NotNull().WithMessage(_ => l["Say how many people live in the household."])
            .InclusiveBetween(1, AidHousehold.MaxMembers).WithMessage(_ => l["Members must be between 1 and {0}.", AidHousehold.MaxMembers]);
        RuleFor(x => x.MemberNames).FreeText(AidHousehold.MemberNamesMaxLength, l);
        RuleFor(x => x.Difficulties).NotEmpty().WithMessage(_ => l["Choose at least one difficulty."]);
        RuleForEach(x => x.Difficulties).IsInEnum();
        RuleFor(x => x.IdNumber).Must(v => string.IsNullOrWhiteSpace(v) || IdNumbers.IsWellFormed(v))
            .WithMessage(_ => l["Enter an ID number of 18 characters (or an old one of 15 digits)."]);
        RuleFor(x => x.PairingId).NotNull().WithMessage(_ => l["Choose a unit paired with your community and in force."]);
        RuleFor(x => x.ResponsibleName).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => l["Give the responsible party member's name."])
            .PlainName(AidHousehold.NameMaxLength, () => l["Use only letters, digits, spaces and brackets in a name."]);
        RuleFor(x => x.ResponsiblePhone).Phone(() => l["Enter a phone number of digits, spaces and dashes."]);
        RuleFor(x => x.IncomePerPerson).InclusiveBetween(0, AidHousehold.MaxIncomePerPerson)
            .WithMessage(_ => l["Enter an income per person between 0 and {0} yuan.", AidHousehold.MaxIncomePerPerson]);
    }
}

/// <summary>One measure added to the plan.</summary>
public sealed class AidMeasureInput
{
    [Display(Name = "Measure")]
    public string? Text { get; set; }
    [Display(Name = "Target date")]
    public DateOnly? TargetDate { get; set; }
    public Guid Version { get; set; }
}
