using CivicPairing.Domain;
using CivicPairing.Domain.Evidence;
using CivicPairing.Domain.Funding;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Funding;

public sealed class FundingListQuery : ListQuery
{
    public FundingStatus? Status { get; set; }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["status"] = Status?.ToString();
        return values;
    }
}

public sealed record FundingRow(int Id, string Title, string CommunityName, decimal Amount, decimal Pledged, decimal Paid, FundingStatus Status, DateTimeOffset RequestedAt);

public sealed record FundingListPage(FundingListQuery Query, PagedList<FundingRow> Requests);

/// <summary>The request form: a title, the purpose and up to <see cref="Rows"/> budget lines (blank ones are skipped).</summary>
public sealed class FundingInput
{
    public const int Rows = 6;

    public int? CommunityId { get; set; }
    public string? Title { get; set; }
    public string? Purpose { get; set; }
    public List<string?> Items { get; set; } = [];
    public List<decimal?> Amounts { get; set; } = [];
}

public sealed record FundingForm(FundingInput Input, IReadOnlyList<SelectListItem>? Communities);

public sealed record FundingPage(FundingRequest Request, int? LiaisonUnitId, bool ForOffice, DateOnly Today);

/// <summary>资金申请: a community (or a unit on its behalf) asks; units pledge (认捐); the office approves; units record payments (拨付) with vouchers.</summary>
public sealed class FundingController(AppDbContext db, PartyAccess access, EvidenceUploads uploads, CityClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    private string Actor => User.Identity?.Name ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(FundingListQuery query, CancellationToken ct)
    {
        var requests = access.VisibleFundingRequests(User).AsNoTracking();
        if (query.SearchText is { } q)
        {
            requests = requests.Where(r => r.Title.Contains(q) || r.Community!.Name.Contains(q));
        }
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }
        var rows = await requests.ToPagedListAsync(r => r.OrderBy(x => x.Status).ThenByDescending(x => x.RequestedAt).ThenByDescending(x => x.Id)
            .Select(x => new FundingRow(x.Id, x.Title, x.Community!.Name, x.Amount, x.Pledged, x.Paid, x.Status, x.RequestedAt)), query.Page, ct: ct);
        return View(new FundingListPage(query, rows));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var request = await LoadAsync(id, tracking: false, ct);
        return request is null ? NotFound() : View(new FundingPage(request, LiaisonUnit, User.IsOfficeOrAdmin(), clock.Today));
    }

    [Authorize(Roles = Roles.CommunitySecretary + "," + Roles.UnitLiaison)]
    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct) => View(new FundingForm(new FundingInput(), await CommunityChoicesAsync(null, ct)));

    /// <summary>The secretary asks for her community; a liaison for one of her unit's paired communities.</summary>
    [Authorize(Roles = Roles.CommunitySecretary + "," + Roles.UnitLiaison)]
    [HttpPost]
    public async Task<IActionResult> Create(FundingInput input, CancellationToken ct)
    {
        var unitId = LiaisonUnit;
        var communityId = unitId is null ? User.GetCommunityId() : input.CommunityId;
        if (unitId is { } u && communityId is { } c && !await db.Pairings.AnyAsync(p => p.UnitId == u && p.CommunityId == c && p.Status == PairingStatus.Active, ct))
        {
            ModelState.AddModelError(nameof(input.CommunityId), l["Choose one of your unit's paired communities."]);
        }
        if (communityId is null)
        {
            ModelState.AddModelError(nameof(input.CommunityId), l["Choose one of your unit's paired communities."]);
        }
        if (ModelState.IsValid)
        {
            var lines = input.Items.Zip(input.Amounts.Concat(Enumerable.Repeat<decimal?>(null, Math.Max(0, input.Items.Count - input.Amounts.Count))))
                .Where(x => !string.IsNullOrWhiteSpace(x.First) || x.Second is not null)
                .Select(x => (x.First ?? "", x.Second ?? 0)).ToList();
            try
            {
                var request = FundingRequest.Ask(communityId!.Value, unitId, input.Title ?? "", input.Purpose ?? "", lines, Actor, clock.Now);
                db.FundingRequests.Add(request);
                await db.SaveChangesAsync(ct);
                TempData["Success"] = l["Request sent. Units can pledge now; the civilization office approves it."].Value;
                return RedirectToAction(nameof(Details), new { id = request.Id });
            }
            catch (DomainException refusal)
            {
                db.ChangeTracker.Clear();
                // Beside the field the rule names (the budget lines are posted as Items and Amounts, so "Lines" is not a posted key).
                ModelState.AddModelError(refusal.Field ?? "", l.Text(refusal));
            }
        }
        return View(new FundingForm(input, await CommunityChoicesAsync(input.CommunityId, ct)));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Approve(int id, Guid version, CancellationToken ct) =>
        StepAsync(id, version, r => r.Approve(Actor, clock.Now), l["Approved. Pledging units record their payments with vouchers."], ct);

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Refuse(int id, string? reason, Guid version, CancellationToken ct) =>
        StepAsync(id, version, r => r.Refuse(reason ?? "", Actor, clock.Now), l["Refused with your reason."], ct);

    /// <summary>认捐. Two pledges at once meet the request's concurrency token: the second is told to look again.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public Task<IActionResult> Pledge(int id, decimal? amount, Guid version, CancellationToken ct) =>
        StepAsync(id, version, r => r.Pledge(LiaisonUnit ?? 0, amount ?? 0, Actor, clock.Now), l["Pledge recorded."], ct);

    /// <summary>拨付: the paying unit's liaison records the money with its voucher (凭证), which is required.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    [RequestSizeLimit(EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    public async Task<IActionResult> Pay(int id, decimal? amount, DateOnly? paidOn, Guid version, IFormFile? voucher, CancellationToken ct)
    {
        List<IFormFile> files = voucher is null ? [] : [voucher];
        var problem = voucher is null ? l["Attach the payment voucher (a scan or photo)."].Value : await uploads.CheckAsync(files, ct);
        if (problem is not null)
        {
            TempData["Error"] = problem;
            return await LoadAsync(id, tracking: false, ct) is null ? NotFound() : RedirectToAction(nameof(Details), new { id });
        }
        var stored = new List<EvidenceFile>();
        try
        {
            stored = await uploads.StoreAsync(files, Actor, ct);
            var file = stored[0];
            var result = await StepAsync(id, version, r =>
            {
                r.Pay(LiaisonUnit ?? 0, amount ?? 0, paidOn ?? clock.Today, clock.Today, file.Id, Actor, clock.Now);
                db.EvidenceFiles.Add(file);
            }, l["Payment recorded with its voucher."], ct);
            if (TempData.Peek("Success") is null)
            {
                uploads.Discard(stored);
            }
            return result;
        }
        catch
        {
            uploads.Discard(stored);
            throw;
        }
    }

    private int? LiaisonUnit => User.IsInRole(Roles.UnitLiaison) ? User.GetUnitId() : null;

    private async Task<IActionResult> StepAsync(int id, Guid version, Action<FundingRequest> step, string success, CancellationToken ct)
    {
        var request = await LoadAsync(id, tracking: true, ct);
        if (request is null)
        {
            return NotFound();
        }
        await this.TryStepAsync(db, request, version, () => step(request), success, l, ct);
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<IReadOnlyList<SelectListItem>?> CommunityChoicesAsync(int? selected, CancellationToken ct) =>
        LiaisonUnit is { } unitId
            ? await db.Pairings.AsNoTracking().Where(p => p.UnitId == unitId && p.Status == PairingStatus.Active).OrderBy(p => p.Community!.Name)
                .Select(p => new SelectListItem(p.Community!.Name, p.CommunityId.ToString(), p.CommunityId == selected)).ToListAsync(ct)
            : null;

    private Task<FundingRequest?> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var query = access.VisibleFundingRequests(User).Include(r => r.Community).Include(r => r.OnBehalfOf).Include(r => r.Lines)
            .Include(r => r.Pledges).ThenInclude(p => p.Unit).Include(r => r.Payments).ThenInclude(p => p.Unit).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct);
    }
}
