using System.ComponentModel.DataAnnotations;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Users;

public sealed class UserInput
{
    public string? Id { get; set; }

    [Display(Name = "User name")]
    public string? UserName { get; set; }

    [Display(Name = "Full name")]
    public string? DisplayName { get; set; }

    [Display(Name = "Role")]
    public string? Role { get; set; }

    [Display(Name = "Unit")]
    public int? UnitId { get; set; }

    [Display(Name = "Community")]
    public int? CommunityId { get; set; }

    [Display(Name = "Initial password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator(AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserName).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Length(3, 50)
            .Matches("^[A-Za-z0-9._-]+$").WithMessage(_ => l["Use only letters, digits, dots, dashes and underscores in a user name."]);
        RuleFor(x => x.DisplayName).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .PlainName(AppUser.DisplayNameMaxLength, () => l["Use only letters, digits, spaces and brackets in a name."]);
        // A party member's account is made from the member's record (bound to it); here it can only keep that role.
        RuleFor(x => x.Role).MustAsync(async (x, r, ct) => r is not null && (Roles.Assignable.Contains(r)
                || r == Roles.PartyMember && x.Id is not null && await db.Users.AnyAsync(u => u.Id == x.Id && u.PartyMemberId != null, ct)))
            .WithMessage(_ => l["Choose a role."]);
        RuleFor(x => x.UnitId).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => l["A unit liaison must belong to a unit."])
            .MustAsync(async (id, ct) => await db.Units.AnyAsync(u => u.Id == id && u.IsActive, ct)).WithMessage(_ => l["Choose an active unit."])
            .When(x => x.Role == Roles.UnitLiaison);
        RuleFor(x => x.CommunityId).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => l["A community secretary must belong to a community."])
            .MustAsync(async (id, ct) => await db.Communities.AnyAsync(c => c.Id == id && c.IsActive, ct)).WithMessage(_ => l["Choose an active community."])
            .When(x => x.Role == Roles.CommunitySecretary);
        RuleFor(x => x.Password).NotEmpty().When(x => x.Id is null);
    }
}
