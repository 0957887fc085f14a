using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CivicPairing.Web.Identity;

/// <summary>
/// Checks the cookie's security stamp against the database on every request, so that signing out, an administrator's
/// lock, a role change or a password change ends every copy of the session on every instance at the next request
/// (the database is the one truth the instances share).
/// <para>
/// Identity's own <see cref="SecurityStampValidator{TUser}"/> with a zero interval checks only once time has passed since
/// the cookie was issued (never under the tests' pinned clock), and on each check it also rebuilds the principal (roles, role and user claims: several more queries) and re-issues the cookie (a
/// Set-Cookie on every response). Here a matching stamp is enough: every change to what the cookie carries (role, unit
/// or community, name, the must-change-password flag) updates the stamp, so a cookie whose stamp matches carries
/// current claims. One primary-key read per signed-in request.
/// </para>
/// <para>
/// Deliberately not checked here: Identity's own lockout after failed sign-ins. Anyone can type five wrong passwords
/// for a name; that must not end the owner's live session. An administrator's lock updates the stamp and does.
/// </para>
/// </summary>
public sealed class SessionStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await VerifySecurityStamp(context.Principal) is not null)
        {
            return;
        }
        Logger.LogInformation("Session of {UserName} ended: its security stamp is no longer current", context.Principal?.Identity?.Name);
        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
    }
}
