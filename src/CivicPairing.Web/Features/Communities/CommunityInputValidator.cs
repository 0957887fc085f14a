using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Communities;

public sealed class CommunityInputValidator : AbstractValidator<CommunityInput>
{
    public CommunityInputValidator(AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        Func<string> nameMessage = () => l["Use only letters, digits, spaces and brackets in a name."];
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .PlainName(Community.NameMaxLength, nameMessage)
            .MustAsync(async (input, name, ct) => !await db.Communities.NameTakenAsync(name!, input.Id, ct))
            .WithMessage(_ => l["A community with this name exists already."]);
        RuleFor(x => x.Kind).NotNull().IsInEnum();
        RuleFor(x => x.Street).Cascade(CascadeMode.Stop).NotEmpty().PlainName(Community.StreetMaxLength, nameMessage);
        RuleFor(x => x.SecretaryName).PlainName(50, nameMessage);
        RuleFor(x => x.ContactPhone).Phone(() => l["Enter a phone number of digits, spaces and dashes."]);
        RuleFor(x => x.Households).NotNull().InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.Population).NotNull().InclusiveBetween(0, 10_000_000)
            .GreaterThanOrEqualTo(x => x.Households ?? 0).WithMessage(_ => l["The population cannot be smaller than the number of households."]);
        RuleFor(x => x.PartyMemberCount).NotNull().GreaterThanOrEqualTo(0)
            .LessThanOrEqualTo(x => x.Population ?? 0).WithMessage(_ => l["Party members cannot outnumber the population."]);
        RuleFor(x => x.VillagerGroups).InclusiveBetween(0, 1000);
        RuleFor(x => x.FarmlandMu).InclusiveBetween(0, 10_000_000).PrecisionScale(12, 2, true);
        RuleFor(x => x.CollectiveIncome).InclusiveBetween(-1_000_000_000, 1_000_000_000).PrecisionScale(18, 2, true);
        RuleForEach(x => x.Weaknesses).IsInEnum();
        RuleForEach(x => x.Industries).IsInEnum();
        RuleFor(x => x.Profile).FreeText(2000, l);
    }
}
