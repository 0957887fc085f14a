using System.Security.Claims;
using CivicPairing.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
/// current claims. One primary-key read of the stamp alone per signed-in request (not the whole account, tracked, as
/// Identity's <c>FindByIdAsync</c> would: it is the one query every page pays).
/// </para>
/// <para>
/// Deliberately not checked here: Identity's own lockout after failed sign-ins. Anyone can type five wrong passwords
/// for a name; that must not end the owner's live session. An administrator's lock updates the stamp and does.
/// </para>
/// </summary>
public sealed class SessionStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger, AppDbContext db)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await IsCurrentAsync(context.Principal))
        {
            return;
        }
        Logger.LogInformation("Session of {UserName} ended: its security stamp is no longer current", context.Principal?.Identity?.Name);
        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
    }

    /// <summary>The account still exists and its stamp is the one the cookie was issued with.</summary>
    private async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal)
    {
        var id = principal is null ? null : SignInManager.UserManager.GetUserId(principal);
        var stamp = principal?.FindFirstValue(SignInManager.Options.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || stamp is null)
        {
            return false;
        }
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync();
        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
