using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CivicPairing.Web.Identity;

/// <summary>Marks the actions a user whose password was handed to them may reach before choosing their own.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowBeforePasswordChangeAttribute : Attribute;

/// <summary>
/// Sends a signed-in user who must change their password (<see cref="AppUser.MustChangePassword"/>, carried in the
/// cookie as <see cref="Claim"/>) to the change page from every action but those marked
/// <see cref="AllowBeforePasswordChangeAttribute"/> (the change page, sign-out, the language switch, error pages).
/// A global MVC filter: static files, <c>/healthz</c> and <c>/readyz</c> are not MVC actions and pass untouched.
/// </summary>
public sealed class PasswordChangeGate : IAuthorizationFilter
{
    public const string Claim = "cp:must-change-password";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!MustChangePassword(context.HttpContext.User)
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowBeforePasswordChangeAttribute>().Any())
        {
            return;
        }
        var request = context.HttpContext.Request;
        // Back to the page they asked for once the password is changed; a form post is not replayed.
        var returnUrl = HttpMethods.IsGet(request.Method) ? (request.PathBase + request.Path + request.QueryString).ToString() : null;
        context.Result = new RedirectToActionResult("ChangePassword", "Account", new { returnUrl });
    }

    public static bool MustChangePassword(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(Claim, "true");
}
