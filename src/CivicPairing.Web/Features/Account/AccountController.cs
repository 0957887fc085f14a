using System.ComponentModel.DataAnnotations;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Seeding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Account;

public sealed class LoginInput
{
    [Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed record LoginPage(LoginInput Input, bool DemoAccountsActive);

public sealed class AccountController(
    SignInManager<AppUser> signInManager,
    IStringLocalizer<SharedResource> localizer,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous]
    [HttpGet]
    public IActionResult Login(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }
        return View(Page(new LoginInput { ReturnUrl = returnUrl }));
    }

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(PortalSetup.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (string.IsNullOrWhiteSpace(input.UserName))
        {
            ModelState.AddModelError(nameof(input.UserName), localizer["Enter your user name."]);
        }
        if (string.IsNullOrEmpty(input.Password))
        {
            ModelState.AddModelError(nameof(input.Password), localizer["Enter your password."]);
        }
        if (!ModelState.IsValid)
        {
            return View(Page(input));
        }

        var result = await signInManager.PasswordSignInAsync(input.UserName.Trim(), input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", input.UserName);
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }
        logger.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut})", input.UserName, result.IsLockedOut);
        ModelState.AddModelError("", result.IsLockedOut
            ? localizer["This account is locked after too many failed attempts. Try again in 15 minutes or ask the administrator to unlock it."]
            : localizer["The user name or password is wrong."]);
        input.Password = "";
        return View(Page(input));
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    /// <summary>
    /// The language switch: remembered in a cookie for a year, works before and after sign-in. A max-age rather than an
    /// expiry date: the browser counts the year on its own clock, so the server's needs no say.
    /// </summary>
    [AllowAnonymous]
    [HttpPost]
    public IActionResult Language(string culture, string? returnUrl)
    {
        if (Localization.Cultures.Any(c => c.Name == culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    private LoginPage Page(LoginInput input) => new(input, DemoSeeder.IsEnabled(environment, configuration));
}
