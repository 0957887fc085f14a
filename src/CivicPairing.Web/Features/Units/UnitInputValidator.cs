using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Units;

public sealed class UnitInputValidator : AbstractValidator<UnitInput>
{
    public const int MaxStaff = 1_000_000;

    public UnitInputValidator(AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .PlainName(Unit.NameMaxLength, () => l["Use only letters, digits, spaces and brackets in a name."])
            .MustAsync(async (input, name, ct) => !await db.Units.NameTakenAsync(name!, input.Id, ct))
            .WithMessage(_ => l["A unit with this name exists already."]);
        RuleFor(x => x.Kind).NotNull().IsInEnum();
        RuleFor(x => x.CivilizedLevel).IsInEnum();
        RuleFor(x => x.LeaderName).PlainName(Unit.PersonNameMaxLength, () => l["Use only letters, digits, spaces and brackets in a name."]);
        RuleFor(x => x.ResponsibleLeaderName).PlainName(Unit.PersonNameMaxLength, () => l["Use only letters, digits, spaces and brackets in a name."]);
        RuleFor(x => x.ContactPhone).Phone(() => l["Enter a phone number of digits, spaces and dashes."]);
        RuleFor(x => x.StaffCount).NotNull().InclusiveBetween(1, MaxStaff);
        RuleFor(x => x.PartyMemberCount).NotNull().GreaterThanOrEqualTo(0)
            .LessThanOrEqualTo(x => x.StaffCount ?? 0).WithMessage(_ => l["Party members cannot outnumber the staff."]);
        RuleForEach(x => x.Strengths).IsInEnum();
        RuleFor(x => x.Notes).FreeText(Unit.TextMaxLength, l);
    }
}
