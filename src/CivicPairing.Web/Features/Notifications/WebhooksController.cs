using System.ComponentModel.DataAnnotations;
using System.Net;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CivicPairing.Web.Features.Notifications;

public sealed class WebhookInput
{
    [Display(Name = "Robot name")]
    public string? Name { get; set; }
    [Display(Name = "Robot")]
    public WebhookKind Kind { get; set; } = WebhookKind.WeChatWork;
    [Display(Name = "Robot address (webhook URL)")]
    public string? Url { get; set; }
    [Display(Name = "Signing secret")]
    public string? Secret { get; set; }
    [Display(Name = "Keyword")]
    public string? Keyword { get; set; }
    [Display(Name = "Street")]
    public string? Street { get; set; }
    [Display(Name = "Unit")]
    public int? UnitId { get; set; }
}

public sealed class WebhookInputValidator : AbstractValidator<WebhookInput>
{
    public WebhookInputValidator(AppDbContext db, IOptions<NotificationOptions> options, IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().FreeText(100, l);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Url).NotEmpty().MaximumLength(WebhookTarget.UrlMaxLength)
            .Must(url => IsAllowed(url, options.Value.AllowLoopbackWebhooks))
            .WithMessage(_ => l["Give the robot's https:// address as the group's settings show it."]);
        RuleFor(x => x.Secret).MaximumLength(200);
        RuleFor(x => x.Keyword).MaximumLength(50);
        RuleFor(x => x.Street)
            .Must((x, street) => string.IsNullOrWhiteSpace(street) != (x.UnitId is null))
            .WithMessage(_ => l["Choose a street or a unit (one of them)."])
            .MustAsync(async (street, ct) => string.IsNullOrWhiteSpace(street) || await db.Communities.AnyAsync(c => c.Street == street, ct))
            .WithMessage(_ => l["No community is in this street."]);
        RuleFor(x => x.UnitId)
            .MustAsync(async (id, ct) => id is null || await db.Units.AnyAsync(u => u.Id == id, ct))
            .WithMessage(_ => l["Choose a unit."]);
    }

    /// <summary>https anywhere; plain http only to this machine, and only where allowed (Development, tests).</summary>
    public static bool IsAllowed(string? url, bool allowLoopback) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps
            || (allowLoopback && uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))));
}

public sealed record WebhooksPage(IReadOnlyList<WebhookTarget> Targets, IReadOnlyDictionary<int, string> UnitNames, WebhookInput Input,
    IReadOnlyList<SelectListItem> Streets, IReadOnlyList<SelectListItem> Units, IReadOnlyDictionary<int, (int Delivered, int Failing, string? LastError)> Health);

/// <summary>The office's group robots (企业微信 / 钉钉), one per street or unit: add, test, switch off, remove.</summary>
[Authorize(Roles = Roles.OfficeOrAdmin)]
public sealed class WebhooksController(AppDbContext db, NotificationWork work, IValidator<WebhookInput> validator, CityClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new WebhookInput(), ct));

    [HttpPost]
    public async Task<IActionResult> Create(WebhookInput input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(input, ct));
        }
        db.WebhookTargets.Add(new WebhookTarget
        {
            Name = input.Name!.Trim(), Kind = input.Kind, Url = input.Url!.Trim(), Secret = Blank(input.Secret), Keyword = Blank(input.Keyword),
            Street = Blank(input.Street), UnitId = input.UnitId, CreatedAt = clock.Now,
        });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["The group robot {0} was added.", input.Name!.Trim()].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Test(int id, CancellationToken ct)
    {
        var target = await db.WebhookTargets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return NotFound();
        }
        if (await work.SendTestAsync(target, ct) is { } error)
        {
            TempData["Error"] = l["The test message to {0} failed: {1}", target.Name, error].Value;
        }
        else
        {
            TempData["Success"] = l["The test message to {0} was delivered.", target.Name].Value;
        }
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Toggle(int id, CancellationToken ct)
    {
        var target = await db.WebhookTargets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return NotFound();
        }
        target.IsActive = !target.IsActive;
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var target = await db.WebhookTargets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return NotFound();
        }
        db.WebhookTargets.Remove(target);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["The group robot {0} was removed.", target.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<WebhooksPage> PageAsync(WebhookInput input, CancellationToken ct)
    {
        var targets = await db.WebhookTargets.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var unitIds = targets.Where(t => t.UnitId != null).Select(t => t.UnitId!.Value).ToList();
        var unitNames = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var streets = await db.Communities.Where(c => c.IsActive).Select(c => c.Street).Distinct().OrderBy(s => s).ToListAsync(ct);
        var units = await db.Units.Where(u => u.IsActive).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).Take(2000).ToListAsync(ct);
        var keys = targets.Select(t => NotificationWork.Key(t.Id)).ToList();
        var deliveries = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.Channel == DeliveryChannel.Webhook && keys.Contains(d.Target))
            .GroupBy(d => d.Target)
            .Select(g => new { g.Key, Delivered = g.Count(d => d.DeliveredAt != null), Failing = g.Count(d => d.DeliveredAt == null && d.LastError != null) })
            .ToListAsync(ct);
        var lastErrors = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.Channel == DeliveryChannel.Webhook && keys.Contains(d.Target) && d.DeliveredAt == null && d.LastError != null)
            .OrderByDescending(d => d.Id).Select(d => new { d.Target, d.LastError }).Take(200).ToListAsync(ct);
        var health = targets.ToDictionary(t => t.Id, t =>
        {
            var key = NotificationWork.Key(t.Id);
            var counts = deliveries.FirstOrDefault(d => d.Key == key);
            return (counts?.Delivered ?? 0, counts?.Failing ?? 0, lastErrors.FirstOrDefault(e => e.Target == key)?.LastError);
        });
        return new WebhooksPage(targets, unitNames, input,
            streets.Select(s => new SelectListItem(s, s, s == input.Street)).ToList(),
            units.Select(u => new SelectListItem(u.Name, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Id == input.UnitId)).ToList(),
            health);
    }
}
