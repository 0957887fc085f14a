using System.Diagnostics;
using CivicPairing.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CivicPairing.Web.Features.Errors;

public sealed record ErrorPage(int StatusCode, string RequestId);

/// <summary>Friendly pages for failures and status codes; the request id ties the page to the log.</summary>
[AllowAnonymous]
[AllowBeforePasswordChange]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorController : Controller
{
    [Route("/Error/{statusCode:int?}")]
    [IgnoreAntiforgeryToken]
    // Nothing is bound from the request: the one being answered may hold a form nobody can read (a NUL byte, a body
    // past the limit), and binding from it would fail the error page itself. The code comes from the path.
    public IActionResult Index()
    {
        var code = int.TryParse(RouteData.Values["statusCode"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) && c is >= 400 and < 600
            ? c
            : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        return View("Error", new ErrorPage(code, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }
}
