using System.ComponentModel.DataAnnotations;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Seeding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
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

public sealed class ChangePasswordInput
{
    [Display(Name = "Current password")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [Display(Name = "New password")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [Display(Name = "Confirm the new password")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>The change-password form; <paramref name="Required"/>: the password was handed over and must be changed first.</summary>
public sealed record ChangePasswordPage(ChangePasswordInput Input, bool Required);

public sealed class AccountController(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    IPasswordHasher<AppUser> passwordHasher,
    SignInThrottle throttle,
    IStringLocalizer<SharedResource> localizer,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<AccountController> logger) : Controller
{
    /// <summary>A hash no password matches, checked when there is no account or it is locked, so those answer as slowly as a wrong password.</summary>
    private static string? _decoyHash;

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

        var address = SignInThrottle.AddressOf(HttpContext);
        if (throttle.IsBlocked(address))
        {
            logger.LogWarning("Sign-in refused: too many failures from {Address} this minute", address);
            Response.Headers.RetryAfter = "60";
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var userName = input.UserName.Trim();
        var user = await userManager.FindByNameAsync(userName);
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            // Identity answers these without hashing: hash anyway, so the time taken does not tell them from a wrong password.
            _decoyHash ??= passwordHasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            passwordHasher.VerifyHashedPassword(new AppUser(), _decoyHash, input.Password);
        }
        if (user is not null)
        {
            result = await signInManager.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
        }
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", userName);
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }
        throttle.RecordFailure(address);
        logger.LogWarning("Failed sign-in for {UserName} (known: {Known}, locked out: {LockedOut})", userName, user is not null, result.IsLockedOut);
        // One message whether the name is unknown, the password wrong or the account locked: it tells nobody which names exist.
        ModelState.AddModelError("", localizer["The user name or password is wrong, or the account is locked. After 5 failed attempts an account is locked for 15 minutes; the administrator can unlock it."]);
        input.Password = "";
        return View(Page(input));
    }

    /// <summary>Ends this session and every copy of its cookie: the new security stamp no longer matches the one they carry.</summary>
    [HttpPost]
    [Authorize]
    [AllowBeforePasswordChange]
    public async Task<IActionResult> Logout()
    {
        if (await userManager.GetUserAsync(User) is { } user)
        {
            await userManager.UpdateSecurityStampAsync(user);
        }
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    [Authorize]
    [AllowBeforePasswordChange]
    public IActionResult ChangePassword(string? returnUrl) =>
        View(new ChangePasswordPage(new ChangePasswordInput { ReturnUrl = returnUrl }, PasswordChangeGate.MustChangePassword(User)));

    /// <summary>
    /// The signed-in user's own password. A wrong current password counts as a failed sign-in (five lock the account and
    /// end the session). On success every other session of the user ends and this one is signed in again.
    /// </summary>
    [HttpPost]
    [Authorize]
    [AllowBeforePasswordChange]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var page = new ChangePasswordPage(input, user.MustChangePassword);
        if (string.IsNullOrEmpty(input.CurrentPassword))
        {
            ModelState.AddModelError(nameof(input.CurrentPassword), localizer["Enter your current password."]);
        }
        if (string.IsNullOrEmpty(input.NewPassword))
        {
            ModelState.AddModelError(nameof(input.NewPassword), localizer["Enter the new password."]);
        }
        else if (input.NewPassword == input.CurrentPassword)
        {
            ModelState.AddModelError(nameof(input.NewPassword), localizer["The new password must differ from the current one."]);
        }
        else if (input.ConfirmPassword != input.NewPassword)
        {
            ModelState.AddModelError(nameof(input.ConfirmPassword), localizer["The two new passwords differ."]);
        }
        if (!ModelState.IsValid)
        {
            return View(page);
        }

        var check = await signInManager.CheckPasswordSignInAsync(user, input.CurrentPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            logger.LogWarning("User {UserName} locked out at the change of password", user.UserName);
            await userManager.UpdateSecurityStampAsync(user);
            await signInManager.SignOutAsync();
            TempData["Error"] = localizer["This account is locked after too many failed attempts. Try again in 15 minutes or ask the administrator to unlock it."].Value;
            return RedirectToAction(nameof(Login));
        }
        if (!check.Succeeded)
        {
            ModelState.AddModelError(nameof(input.CurrentPassword), localizer["The current password is wrong."]);
            return View(page);
        }

        var wasRequired = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await userManager.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = wasRequired;
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(input.CurrentPassword) : nameof(input.NewPassword), error.Description);
            }
            return View(page);
        }
        // The change gave the account a new security stamp: the other sessions end, this one gets a cookie with the new one.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} changed their password", user.UserName);
        TempData["Success"] = localizer["Your password was changed. Use the new one from now on."].Value;
        return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
    }

    /// <summary>
    /// The language switch: remembered in a cookie for a year, works before and after sign-in. A max-age rather than an
    /// expiry date: the browser counts the year on its own clock, so the server's needs no say.
    /// </summary>
    [AllowAnonymous]
    [AllowBeforePasswordChange]
    [HttpPost]
    public IActionResult Language(string culture, string? returnUrl)
    {
        if (Localization.Cultures.Any(c => c.Name == culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        }
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    private LoginPage Page(LoginInput input) => new(input, DemoSeeder.IsEnabled(environment, configuration));
}
