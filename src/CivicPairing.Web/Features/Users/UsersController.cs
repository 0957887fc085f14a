using System.Security.Claims;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Users;

public sealed class UserListQuery : ListQuery
{
    public string? Role { get; set; }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["role"] = Role;
        return values;
    }
}

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Role, string? UnitName, string? CommunityName, DateTimeOffset? LockoutEnd, bool MustChangePassword)
{
    public bool IsLockedAt(DateTimeOffset now) => LockoutEnd > now;
}

public sealed record UserListPage(UserListQuery Query, PagedList<UserRow> Users, DateTimeOffset Now);

public sealed record UserFormPage(UserInput Input, IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Communities, bool IsLocked);

/// <summary>Accounts are made by the administrator only: there is no self-registration.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class UsersController(
    AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, IValidator<UserInput> validator, CityClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(UserListQuery query, CancellationToken ct)
    {
        // Filter and order the users first, project last: EF cannot order by a member of a projected record.
        var users = db.Users.AsNoTracking();
        if (query.SearchText is { } q)
        {
            users = users.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }
        if (!string.IsNullOrEmpty(query.Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == query.Role)));
        }
        users = query.Desc ? users.OrderByDescending(u => u.UserName) : users.OrderBy(u => u.UserName);
        var rows = users.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName,
            (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
            u.Unit!.Name, u.Community!.Name, u.LockoutEnd, u.MustChangePassword));
        return View(new UserListPage(query, await rows.ToPagedListAsync(query.Page, ct: ct), clock.Now));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct) => View("Edit", await FormAsync(new UserInput(), false, ct));

    [HttpPost]
    public async Task<IActionResult> Create(UserInput input, CancellationToken ct)
    {
        input.Id = null;
        if (await IsValidAsync(input, ct))
        {
            // The administrator knows the initial password: the user chooses their own at first sign-in.
            var user = new AppUser { UserName = input.UserName!.Trim(), CreatedAt = clock.Now, MustChangePassword = true };
            Apply(input, user);
            var result = await users.CreateAsync(user, input.Password!);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, input.Role!);
                TempData["Success"] = l["Account {0} was created. Give the user the initial password in person; they choose their own at first sign-in.", user.UserName].Value;
                return RedirectToAction(nameof(Index));
            }
            AddErrors(result);
        }
        input.Password = null;
        return View("Edit", await FormAsync(input, false, ct));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var input = new UserInput
        {
            Id = user.Id, UserName = user.UserName, DisplayName = user.DisplayName, UnitId = user.UnitId, CommunityId = user.CommunityId,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault(), ConcurrencyStamp = user.ConcurrencyStamp,
        };
        return View(await FormAsync(input, await users.IsLockedOutAsync(user), ct));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, UserInput input, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        input.Id = id;
        input.UserName = user.UserName;
        if (user.Id == CurrentUserId && input.Role != Roles.Admin)
        {
            ModelState.AddModelError(nameof(input.Role), l["You cannot take the administrator role from your own account."]);
        }
        if (await IsValidAsync(input, ct))
        {
            if (input.ConcurrencyStamp != user.ConcurrencyStamp)
            {
                ModelState.AddModelError("", l["Someone else changed this account while you were editing. Check the values and save again."]);
                input.ConcurrencyStamp = user.ConcurrencyStamp;
            }
            else
            {
                Apply(input, user);
                var result = await users.UpdateAsync(user);
                if (result.Succeeded)
                {
                    var roles = await users.GetRolesAsync(user);
                    if (!roles.SequenceEqual([input.Role!]))
                    {
                        await users.RemoveFromRolesAsync(user, roles);
                        await users.AddToRoleAsync(user, input.Role!);
                    }
                    // Ends the user's sessions, so the new role and binding take effect at their next request (on every
                    // instance: the stamp is checked on each request). The administrator editing their own account stays signed in.
                    await users.UpdateSecurityStampAsync(user);
                    if (user.Id == CurrentUserId)
                    {
                        await signIn.RefreshSignInAsync(user);
                    }
                    TempData["Success"] = l["Account {0} was saved.", user.UserName ?? ""].Value;
                    return RedirectToAction(nameof(Index));
                }
                AddErrors(result);
            }
        }
        return View(await FormAsync(input, await users.IsLockedOutAsync(user), ct));
    }

    [HttpPost]
    public async Task<IActionResult> ResetPassword(string id, string? newPassword)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (string.IsNullOrEmpty(newPassword))
        {
            TempData["Error"] = l["Enter the new password."].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }
        var self = user.Id == CurrentUserId;
        var wasRequired = user.MustChangePassword;
        // A password the administrator knows is changed by the user at their next sign-in (not one they set for themselves).
        user.MustChangePassword = !self;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        // The reset gives a new security stamp: the user's live sessions end.
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = wasRequired;
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Description));
            return RedirectToAction(nameof(Edit), new { id });
        }
        await users.ResetAccessFailedCountAsync(user);
        if (self)
        {
            await signIn.RefreshSignInAsync(user);
        }
        TempData["Success"] = l["The password of {0} was reset. Give the user the new password in person; they choose their own at next sign-in.", user.UserName ?? ""].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> SetLocked(string id, bool locked)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (locked && user.Id == CurrentUserId)
        {
            TempData["Error"] = l["You cannot lock your own account."].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        else
        {
            // Ends the user's live sessions at their next request, on every instance.
            await users.UpdateSecurityStampAsync(user);
        }
        TempData["Success"] = (locked ? l["Account {0} is locked.", user.UserName ?? ""] : l["Account {0} is unlocked.", user.UserName ?? ""]).Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private string? CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static void Apply(UserInput input, AppUser user)
    {
        user.DisplayName = input.DisplayName!.Trim();
        user.UnitId = input.Role == Roles.UnitLiaison ? input.UnitId : null;
        user.CommunityId = input.Role == Roles.CommunitySecretary ? input.CommunityId : null;
        if (input.Role != Roles.PartyMember)
        {
            user.PartyMemberId = null;
        }
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(UserInput.Password)
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserInput.UserName) : "";
            ModelState.AddModelError(field, error.Description);
        }
    }

    private async Task<bool> IsValidAsync(UserInput input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        return ModelState.IsValid;
    }

    private async Task<UserFormPage> FormAsync(UserInput input, bool isLocked, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive || u.Id == input.UnitId).OrderBy(u => u.Name)
            .Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(ct);
        var communities = await db.Communities.AsNoTracking().Where(c => c.IsActive || c.Id == input.CommunityId).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
        return new UserFormPage(input, units, communities, isLocked);
    }
}
