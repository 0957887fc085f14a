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
    public IActionResult Index(int? statusCode)
    {
        var code = statusCode ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        return View("Error", new ErrorPage(code, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }
}
