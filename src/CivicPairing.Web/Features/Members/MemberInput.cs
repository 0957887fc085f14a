using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain.Members;
using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Members;

/// <summary>What the liaison's form posts to register one of the unit's party members.</summary>
public sealed class MemberInput
{
    [Display(Name = "Name")]
    public string? Name { get; set; }
    [Display(Name = "Mobile number")]
    public string? Phone { get; set; }
    [Display(Name = "Residence community")]
    public int? ResidenceCommunityId { get; set; }
}

public sealed class MemberInputValidator : AbstractValidator<MemberInput>
{
    public MemberInputValidator(AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Enter the member's name."])
            .PlainName(PartyMember.NameMaxLength, () => l["Use only letters, digits, spaces and brackets in a name."]);
        RuleFor(x => x.Phone).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Enter an 11-digit mobile number."])
            .Must(PartyMember.IsMobileNumber).WithMessage(_ => l["Enter an 11-digit mobile number."]);
        RuleFor(x => x.ResidenceCommunityId).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => l["Choose the community where the member lives."])
            .MustAsync(async (id, ct) => await db.Communities.AnyAsync(c => c.Id == id && c.IsActive, ct)).WithMessage(_ => l["Choose an active community."]);
    }
}

/// <summary>A service record: from the member's phone, or entered by the secretary (with her remark).</summary>
public sealed class ServiceInput
{
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }
    [Display(Name = "Hours")]
    public decimal? Hours { get; set; }
    [Display(Name = "What was done")]
    public string? Description { get; set; }
    [Display(Name = "Community's remark")]
    public string? Remark { get; set; }
}

/// <summary>The form's checks; the rules of the day (future, before the acceptance, 24 hours a day) are the domain's (<see cref="MemberService.Record"/>).</summary>
public sealed class ServiceInputValidator : AbstractValidator<ServiceInput>
{
    public ServiceInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Date).NotNull().WithMessage(_ => l["Enter the date of the service."]);
        RuleFor(x => x.Hours).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => l["Enter the hours of service, more than 0."])
            .GreaterThan(0).WithMessage(_ => l["Enter the hours of service, more than 0."])
            .LessThanOrEqualTo(MemberService.MaxHoursPerDay).WithMessage(_ => l["A day has 24 hours: enter at most 24."]);
        RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Say what was done."]).FreeText(MemberService.DescriptionMaxLength, l);
        RuleFor(x => x.Remark).FreeText(MemberService.RemarkMaxLength, l);
    }
}

/// <summary>One row of a members spreadsheet: the member and, optionally, the user name of their account.</summary>
public sealed class MemberImportInput
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Community { get; set; }
    public string? UserName { get; set; }
}

/// <summary>The same checks as the form, per row, plus the account's user name; made per request for the liaison's unit (internal: not registered by the assembly scan).</summary>
internal sealed class MemberImportInputValidator : AbstractValidator<MemberImportInput>
{
    public MemberImportInputValidator(AppDbContext db, IStringLocalizer l, int unitId)
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Enter the member's name."])
            .PlainName(PartyMember.NameMaxLength, () => l["Use only letters, digits, spaces and brackets in a name."]);
        RuleFor(x => x.Phone).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Enter an 11-digit mobile number."])
            .Must(PartyMember.IsMobileNumber).WithMessage(_ => l["Enter an 11-digit mobile number."])
            .MustAsync(async (phone, ct) => !await db.PartyMembers.AnyAsync(m => m.UnitId == unitId && m.IsActive && m.Phone == phone!.Trim(), ct))
            .WithMessage(_ => l["A member of your unit with this mobile number is registered already."]);
        RuleFor(x => x.Community).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Choose the community where the member lives."])
            .MustAsync(async (name, ct) => await db.Communities.AnyAsync(c => c.Name == name!.Trim() && c.IsActive, ct))
            .WithMessage(_ => l["No active community of that name is in the registry."]);
        RuleFor(x => x.UserName).Cascade(CascadeMode.Stop)
            .Length(3, 50)
            .Matches("^[A-Za-z0-9._-]+$").WithMessage(_ => l["Use only letters, digits, dots, dashes and underscores in a user name."])
            .MustAsync(async (name, ct) => !await db.Users.AnyAsync(u => u.NormalizedUserName == name!.Trim().ToUpperInvariant(), ct))
            .WithMessage(_ => l["This user name is taken."])
            .When(x => !string.IsNullOrWhiteSpace(x.UserName));
    }
}
