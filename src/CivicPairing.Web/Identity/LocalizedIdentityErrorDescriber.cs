using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Identity;

/// <summary>Identity's own messages (password rules, duplicate names) in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["The password needs at least {0} characters.", length]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["The password needs at least one digit."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["The password needs at least one lower-case letter."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["The password needs at least one upper-case letter."]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), l["The password needs at least one symbol such as @ or #."]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["The user name {0} is taken.", userName]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["The current password is wrong."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["Use only letters, digits, dots, dashes and underscores in a user name."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
