using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;

namespace CivicPairing.Web.Features.Needs;

/// <summary>The office's choice for needs (appsettings "Needs").</summary>
public sealed class NeedOptions
{
    /// <summary>
    /// Whether a unit may take the need of a community it is not paired with. On by default: 篇9 asks that whoever can
    /// help does ("需要什么就帮扶什么"); an office that wants pairs to stay closed turns it off.
    /// </summary>
    public bool UnitsMayTakeUnpairedNeeds { get; set; } = true;
}

/// <summary>点单: what the secretary's form posts.</summary>
public sealed class NeedInput
{
    [Display(Name = "Title")]
    public string? Title { get; set; }
    [Display(Name = "Category")]
    public ActivityCategory? Category { get; set; }
    [Display(Name = "Description")]
    public string? Description { get; set; }
    [Display(Name = "Place")]
    public string? Place { get; set; }
    [Display(Name = "Wanted by")]
    public DateOnly? WantedBy { get; set; }
    [Display(Name = "People or skills wanted")]
    public List<Strengths> Skills { get; set; } = [];
    [Display(Name = "Budget (yuan, optional)")]
    public decimal? Budget { get; set; }
}

public sealed class NeedInputValidator : AbstractValidator<NeedInput>
{
    public NeedInputValidator(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage(_ => l["Give the need a title."]).FreeText(Need.TitleMaxLength, l);
        RuleFor(x => x.Category).NotNull().WithMessage(_ => l["Choose a category."]).IsInEnum();
        RuleFor(x => x.Description).FreeText(Need.TextMaxLength, l);
        RuleFor(x => x.Place).FreeText(Need.PlaceMaxLength, l);
        RuleFor(x => x.WantedBy).NotNull().WithMessage(_ => l["Say by when it is wanted."]);
        RuleForEach(x => x.Skills).IsInEnum();
    }
}
