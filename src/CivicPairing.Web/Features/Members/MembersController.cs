using System.Security.Claims;
using CivicPairing.Domain;
using CivicPairing.Domain.Members;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Imports;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Members;

public sealed class MemberListQuery : ListQuery
{
    /// <summary>Office: one unit's members.</summary>
    public int? Unit { get; set; }
    public MemberReportStatus? Report { get; set; }
    /// <summary>Registered members without a pending or accepted report.</summary>
    public bool NotReported { get; set; }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["report"] = Report?.ToString();
        values["notReported"] = NotReported ? "true" : null;
        return values;
    }
}

public sealed record MemberRow(int Id, string Name, string UnitName, string ResidenceName, MemberReportStatus? ReportStatus, string? ReportCommunity, bool Active);

public sealed record MemberListPage(MemberListQuery Query, PagedList<MemberRow> Members, IReadOnlyList<(int Year, int Quarter)> Quarters, int? LiaisonUnitId);

public sealed record MemberPage(PartyMember Member, bool ShowPhone, IReadOnlyList<MemberReport> Reports, IReadOnlyList<MemberService> Services,
    MemberReport? OpenReport, bool ForLiaison, bool ForSecretary, string? AccountUserName, bool MayCreateAccount, ServiceInput Form, DateOnly Today);

public sealed record MemberFormPage(MemberInput Input, IReadOnlyList<SelectListItem> Communities, int? Id = null, Guid? Version = null);

public sealed record AccountsIssuedPage(IReadOnlyList<IssuedAccount> Accounts, IReadOnlyList<string> Failures);

public sealed record UnitMemberCounts(int UnitId, string UnitName, int Registered, int Accepted, int Pending)
{
    public int NotReported => Registered - Accepted - Pending;
}

public sealed record MemberOverview(PagedList<UnitMemberCounts> Units, int Registered, int Accepted, int Pending, MemberListQuery Query);

/// <summary>
/// 在职党员双报到: the liaison registers the unit's members (and their accounts); a member reports to the community where they
/// live and its secretary accepts or declines; service there is recorded and confirmed by the secretary; each quarter the
/// confirmed service goes back to the unit (表现反馈, <see cref="FeedbackController"/>). Members are personal information:
/// <see cref="PartyAccess.VisibleMembers"/> decides who reaches a record (404 otherwise) and <see cref="PartyAccess.MaySeePhone"/> who sees the number.
/// </summary>
[Authorize(Roles = Roles.StaffRoles)]
public sealed class MembersController(AppDbContext db, PartyAccess access, CityClock clock, IStringLocalizer<SharedResource> l,
    IValidator<MemberInput> memberValidator, IValidator<ServiceInput> serviceValidator, MemberAccounts accounts, SpreadsheetImport import,
    Microsoft.AspNetCore.Identity.UserManager<AppUser> users) : Controller
{
    private const string ImportKind = "members";
    private string Actor => User.Identity?.Name ?? "";
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    private int? LiaisonUnitId => User.IsInRole(Roles.UnitLiaison) ? User.GetUnitId() : null;
    private int? SecretaryCommunityId => User.IsInRole(Roles.CommunitySecretary) ? User.GetCommunityId() : null;

    [HttpGet]
    public async Task<IActionResult> Index(MemberListQuery query, CancellationToken ct)
    {
        var members = access.VisibleMembers(User).AsNoTracking();
        var communityId = SecretaryCommunityId;
        if (query.SearchText is { } q)
        {
            members = members.Where(m => m.Name.Contains(q) || m.Unit!.Name.Contains(q));
        }
        if (query.Unit is { } unit && User.IsOfficeOrAdmin())
        {
            members = members.Where(m => m.UnitId == unit);
        }
        if (query.Report is { } status)
        {
            // For a secretary: the status of the report to her community; for the others: of the member's latest report.
            members = communityId is { } c
                ? members.Where(m => m.Reports.Any(r => r.CommunityId == c && r.Status == status))
                : members.Where(m => m.Reports.OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id).Select(r => (MemberReportStatus?)r.Status).FirstOrDefault() == status);
        }
        if (query.NotReported)
        {
            members = members.Where(m => m.IsActive && !m.Reports.Any(r => r.Status == MemberReportStatus.Pending || r.Status == MemberReportStatus.Accepted));
        }
        var rows = await members.ToPagedListAsync(m => m
            .OrderByDescending(x => communityId != null && x.Reports.Any(r => r.CommunityId == communityId && r.Status == MemberReportStatus.Pending))
            .ThenByDescending(x => x.IsActive).ThenBy(x => x.Name).ThenBy(x => x.Id)
            .Select(x => new MemberRow(x.Id, x.Name, x.Unit!.Name, x.ResidenceCommunity!.Name,
                x.Reports.Where(r => communityId == null || r.CommunityId == communityId).OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)
                    .Select(r => (MemberReportStatus?)r.Status).FirstOrDefault(),
                x.Reports.Where(r => communityId == null || r.CommunityId == communityId).OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)
                    .Select(r => r.Community!.Name).FirstOrDefault(),
                x.IsActive)), query.Page, ct: ct);
        return View(new MemberListPage(query, rows, FeedbackController.RecentQuarters(clock.Today, 4), LiaisonUnitId));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var page = await PageAsync(id, null, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>The office's picture: members registered, reported (accepted), awaiting a community and not reported, per unit.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Overview(MemberListQuery query, CancellationToken ct)
    {
        var units = db.Units.AsNoTracking().Where(u => db.PartyMembers.Any(m => m.UnitId == u.Id && m.IsActive));
        if (query.SearchText is { } q)
        {
            units = units.Where(u => u.Name.Contains(q));
        }
        var rows = await units.ToPagedListAsync(u => u.OrderBy(x => x.Name).ThenBy(x => x.Id).Select(x => new UnitMemberCounts(x.Id, x.Name,
            db.PartyMembers.Count(m => m.UnitId == x.Id && m.IsActive),
            db.PartyMembers.Count(m => m.UnitId == x.Id && m.IsActive && m.Reports.Any(r => r.Status == MemberReportStatus.Accepted)),
            db.PartyMembers.Count(m => m.UnitId == x.Id && m.IsActive && m.Reports.Any(r => r.Status == MemberReportStatus.Pending)))), query.Page, ct: ct);
        var active = db.PartyMembers.AsNoTracking().Where(m => m.IsActive);
        return View(new MemberOverview(rows,
            await active.CountAsync(ct),
            await active.CountAsync(m => m.Reports.Any(r => r.Status == MemberReportStatus.Accepted), ct),
            await active.CountAsync(m => m.Reports.Any(r => r.Status == MemberReportStatus.Pending), ct),
            query));
    }

    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct) => View(await FormAsync(new MemberInput(), ct));

    /// <summary>The liaison registers one of the unit's members with the community where they live.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public async Task<IActionResult> Create(MemberInput input, CancellationToken ct)
    {
        if (LiaisonUnitId is not { } unitId)
        {
            return Forbid();
        }
        (await memberValidator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        if (ModelState.IsValid && await db.PartyMembers.AnyAsync(m => m.UnitId == unitId && m.IsActive && m.Phone == input.Phone!.Trim(), ct))
        {
            ModelState.AddModelError(nameof(input.Phone), l["A member of your unit with this mobile number is registered already."]);
        }
        if (ModelState.IsValid)
        {
            try
            {
                var member = PartyMember.Register(unitId, input.Name!, input.Phone!, input.ResidenceCommunityId!.Value, Actor, clock.Now);
                db.PartyMembers.Add(member);
                await db.SaveChangesAsync(ct);
                TempData["Success"] = l["Member {0} registered. Report them to their community, and create their account if they are to record service themselves.", member.Name].Value;
                return RedirectToAction(nameof(Details), new { id = member.Id });
            }
            catch (DomainException refusal)
            {
                db.ChangeTracker.Clear();
                ModelState.AddDomainError(l, refusal);
            }
        }
        return View(await FormAsync(input, ct));
    }

    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var member = await access.VisibleMembers(User).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.IsActive, ct);
        if (member is null)
        {
            return NotFound();
        }
        return View("Create", await FormAsync(new MemberInput { Name = member.Name, Phone = member.Phone, ResidenceCommunityId = member.ResidenceCommunityId }, ct) with
        {
            Id = id, Version = member.Version,
        });
    }

    /// <summary>The liaison corrects a member's name, number or residence; a stale form shows a conflict, not an overwrite.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public async Task<IActionResult> Edit(int id, MemberInput input, Guid version, CancellationToken ct)
    {
        var member = await access.VisibleMembers(User).FirstOrDefaultAsync(m => m.Id == id && m.IsActive, ct);
        if (member is null)
        {
            return NotFound();
        }
        (await memberValidator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        if (ModelState.IsValid && await db.PartyMembers.AnyAsync(m => m.UnitId == member.UnitId && m.IsActive && m.Id != id && m.Phone == input.Phone!.Trim(), ct))
        {
            ModelState.AddModelError(nameof(input.Phone), l["A member of your unit with this mobile number is registered already."]);
        }
        if (ModelState.IsValid)
        {
            try
            {
                if (await Concurrency.TrySaveAsync(db, member, version, () => member.Correct(input.Name!, input.Phone!, input.ResidenceCommunityId!.Value), ct))
                {
                    TempData["Success"] = l["Member {0} saved.", member.Name].Value;
                    return RedirectToAction(nameof(Details), new { id });
                }
                ModelState.AddModelError("", l["Someone else changed this record meanwhile. Check it and try again."]);
            }
            catch (DomainException refusal)
            {
                ModelState.AddDomainError(l, refusal);
            }
        }
        return View("Create", await FormAsync(input, ct) with { Id = id, Version = member.Version });
    }

    /// <summary>The member left the unit: their open report ends and their account is locked; their record stays for the quarters reported.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public async Task<IActionResult> Leave(int id, Guid version, CancellationToken ct)
    {
        var member = await access.VisibleMembers(User).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return NotFound();
        }
        var open = await db.MemberReports.Where(r => r.MemberId == id && (r.Status == MemberReportStatus.Pending || r.Status == MemberReportStatus.Accepted)).ToListAsync(ct);
        var left = await this.TryStepAsync(db, member, version, () =>
        {
            member.Leave();
            foreach (var report in open)
            {
                report.End(l["Left the unit"], Actor, clock.Now);
                report.Version = Guid.NewGuid();
            }
        }, l["Member {0} has left the unit.", member.Name], l, ct);
        if (left && await db.Users.FirstOrDefaultAsync(u => u.PartyMemberId == id, ct) is { } account)
        {
            await users.SetLockoutEnabledAsync(account, true);
            await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(account);
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>报到 on the member's behalf: the liaison reports the member to their residence community.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public async Task<IActionResult> Report(int id, CancellationToken ct)
    {
        var member = await access.VisibleMembers(User).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return NotFound();
        }
        await SubmitReportAsync(db, member, Actor, clock.Now, this, l, ct);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>One report per member at a time: the domain says so, and the filtered unique index holds under a race.</summary>
    internal static async Task<bool> SubmitReportAsync(AppDbContext db, PartyMember member, string actor, DateTimeOffset now, Controller controller,
        IStringLocalizer l, CancellationToken ct)
    {
        var open = await db.MemberReports.Where(r => r.MemberId == member.Id && (r.Status == MemberReportStatus.Pending || r.Status == MemberReportStatus.Accepted))
            .Select(r => r.Community!.Name).FirstOrDefaultAsync(ct);
        try
        {
            var report = MemberReport.Submit(member, open, actor, now);
            db.MemberReports.Add(report);
            await db.SaveChangesAsync(ct);
            var community = await db.Communities.Where(c => c.Id == report.CommunityId).Select(c => c.Name).FirstAsync(ct);
            controller.TempData["Success"] = l["Reported to {0}. The community's secretary accepts the report next.", community].Value;
            return true;
        }
        catch (DomainException refusal)
        {
            controller.TempData["Error"] = l.Text(refusal);
        }
        catch (DbUpdateException)
        {
            // Two reports sent at once: the index let the first one in.
            db.ChangeTracker.Clear();
            controller.TempData["Error"] = l["This member has already reported to a community. A member reports to one community at a time."].Value;
        }
        return false;
    }

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> Accept(int id, Guid version, CancellationToken ct) =>
        ReportStepAsync(id, version, forSecretary: true, r => r.Accept(clock.Today, Actor, clock.Now), l["Report accepted. The member's service in your community can be recorded from today."], ct);

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> Decline(int id, string? reason, Guid version, CancellationToken ct) =>
        ReportStepAsync(id, version, forSecretary: true, r => r.Decline(reason ?? "", Actor, clock.Now), l["Report declined. The unit sees your reason."], ct);

    /// <summary>The member moved or left: the liaison (or the community's secretary) ends the report; confirmed service stays.</summary>
    [Authorize(Roles = Roles.UnitLiaison + "," + Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> EndReport(int id, string? reason, Guid version, CancellationToken ct) =>
        ReportStepAsync(id, version, forSecretary: User.IsInRole(Roles.CommunitySecretary), r => r.End(reason ?? "", Actor, clock.Now), l["Report ended."], ct);

    /// <summary>The secretary enters a member's service herself: confirmed at entry, with her remark.</summary>
    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public async Task<IActionResult> RecordService(int id, ServiceInput input, CancellationToken ct)
    {
        var member = await access.VisibleMembers(User).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return NotFound();
        }
        var communityId = SecretaryCommunityId ?? 0;
        var outcome = await RecordServiceAsync(db, serviceValidator, member.Id, r => r.CommunityId == communityId, input, bySecretary: true, Actor, clock, l, ModelState, ct);
        if (outcome)
        {
            TempData["Success"] = l["Service recorded and confirmed."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        return View("Details", await PageAsync(id, input, ct));
    }

    /// <summary>
    /// Records service under the member's accepted report (of the community <paramref name="reportFilter"/> allows). The day's sum
    /// is checked and the record written in one write transaction per member, so two phones sending at once cannot pass 24 hours.
    /// </summary>
    internal static async Task<bool> RecordServiceAsync(AppDbContext db, IValidator<ServiceInput> validator, int memberId,
        System.Linq.Expressions.Expression<Func<MemberReport, bool>> reportFilter, ServiceInput input, bool bySecretary, string actor, CityClock clock,
        IStringLocalizer l, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddToModelState(modelState);
        if (!modelState.IsValid)
        {
            return false;
        }
        try
        {
            await db.InWriteTransactionAsync($"member-service:{memberId}", async ct =>
            {
                var report = await db.MemberReports.Where(r => r.MemberId == memberId && r.Status == MemberReportStatus.Accepted).Where(reportFilter).FirstOrDefaultAsync(ct)
                    ?? await db.MemberReports.Where(r => r.MemberId == memberId && r.Status == MemberReportStatus.Pending).Where(reportFilter).FirstOrDefaultAsync(ct)
                    ?? throw new DomainException("Service can be recorded only once the community has accepted the member's report.");
                var date = input.Date!.Value;
                var already = await db.MemberServices.Where(s => s.MemberId == memberId && s.Date == date && s.Status != MemberServiceStatus.Rejected)
                    .Select(s => s.Hours).ToListAsync(ct);
                db.MemberServices.Add(MemberService.Record(report, date, input.Hours!.Value, input.Description ?? "", already.Sum(), bySecretary,
                    bySecretary ? input.Remark : null, clock.Today, actor, clock.Now));
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
            return true;
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            modelState.AddDomainError(l, refusal);
            return false;
        }
    }

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> ConfirmService(int id, string? remark, Guid version, CancellationToken ct) =>
        ServiceStepAsync(id, version, s => s.Confirm(remark, Actor, clock.Now), l["Service confirmed. It counts in the feedback to the member's unit."], ct);

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> RejectService(int id, string? reason, Guid version, CancellationToken ct) =>
        ServiceStepAsync(id, version, s => s.Reject(reason ?? "", Actor, clock.Now), l["Service not confirmed. The member sees your reason."], ct);

    /// <summary>The liaison (or the administrator) makes the member's sign-in account; the initial password is shown once.</summary>
    [Authorize(Roles = Roles.UnitLiaison + "," + Roles.Admin)]
    [HttpPost]
    public async Task<IActionResult> CreateAccount(int id, string? userName, CancellationToken ct)
    {
        var member = await access.VisibleMembers(User).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return NotFound();
        }
        if (!member.IsActive || await db.Users.AnyAsync(u => u.PartyMemberId == id, ct))
        {
            TempData["Error"] = l["This member has an account already."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        if (!string.IsNullOrWhiteSpace(userName) && !System.Text.RegularExpressions.Regex.IsMatch(userName.Trim(), "^[A-Za-z0-9._-]{3,50}$"))
        {
            TempData["Error"] = l["Use only letters, digits, dots, dashes and underscores in a user name."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        var (account, errors) = await accounts.CreateAsync(member, userName);
        if (account is null)
        {
            TempData["Error"] = string.Join(" ", errors);
            return RedirectToAction(nameof(Details), new { id });
        }
        // The password is on this page only: no cache keeps it.
        Response.Headers.CacheControl = "no-store";
        return View("AccountsIssued", new AccountsIssuedPage([account], []));
    }

    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpGet]
    public IActionResult Import() => ImportView("ImportUpload");

    /// <summary>Bulk registration from the unit's spreadsheet: every row checked and shown before anything is saved.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    [RequestSizeLimit(SpreadsheetImport.MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken ct)
    {
        if (LiaisonUnitId is not { } unitId)
        {
            return Forbid();
        }
        var (rows, error) = await import.ReadAsync(file, ct);
        if (rows is null)
        {
            ModelState.AddModelError("file", error!);
            return ImportView("ImportUpload");
        }
        var preview = await import.PreviewAsync(ImportKind, file!.FileName, UserId, rows, MemberSheet.Columns, new MemberImportInputValidator(db, l, unitId),
            i => i.Phone?.Trim(), ct);
        return ImportView("ImportPreview", preview);
    }

    /// <summary>Registers the parked rows and makes each member's account; the initial passwords are shown once, to print and hand over.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public async Task<IActionResult> ConfirmImport(Guid id, CancellationToken ct)
    {
        if (LiaisonUnitId is not { } unitId)
        {
            return Forbid();
        }
        var result = await db.InWriteTransactionAsync($"members-import:{unitId}", async ct =>
        {
            var pending = await import.TakeAsync<MemberImportInput>(id, ImportKind, UserId, ct);
            if (pending is not { } parked)
            {
                return null;
            }
            var issued = new List<IssuedAccount>();
            var failures = new List<string>();
            var validator = new MemberImportInputValidator(db, l, unitId);
            var communities = await db.Communities.AsNoTracking().Where(c => c.IsActive).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
            foreach (var row in parked.Rows)
            {
                // Checked again: the registry or the accounts may have changed since the preview.
                var check = await validator.ValidateAsync(row, ct);
                if (!check.IsValid)
                {
                    failures.Add($"{row.Name}: {string.Join(" ", check.Errors.Select(e => e.ErrorMessage))}");
                    continue;
                }
                var communityId = communities.First(c => c.Name == row.Community!.Trim()).Id;
                var member = PartyMember.Register(unitId, row.Name!, row.Phone!, communityId, Actor, clock.Now);
                db.PartyMembers.Add(member);
                await db.SaveChangesAsync(ct);
                var (account, errors) = await accounts.CreateAsync(member, row.UserName);
                if (account is null)
                {
                    failures.Add($"{row.Name}: {string.Join(" ", errors)}");
                }
                else
                {
                    issued.Add(account);
                }
            }
            db.PendingImports.Remove(parked.Import);
            db.AuditNote = l["Imported from {0}", parked.Import.FileName];
            await db.SaveChangesAsync(ct);
            return new AccountsIssuedPage(issued, failures);
        }, ct);
        if (result is null)
        {
            TempData["Error"] = l["This import was already confirmed or has expired. Upload the file again."].Value;
            return RedirectToAction(nameof(Import));
        }
        Response.Headers.CacheControl = "no-store";
        return View("AccountsIssued", result);
    }

    /// <summary>The unit's members as a spreadsheet in the import's columns (no phone numbers: export only what a list needs).</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpGet]
    public IActionResult Export(string? format)
    {
        var unitId = LiaisonUnitId ?? 0;
        var rows = db.PartyMembers.AsNoTracking().Where(m => m.UnitId == unitId && m.IsActive).OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new MemberSheetRow(m.Name, m.ResidenceCommunity!.Name, db.Users.Where(u => u.PartyMemberId == m.Id).Select(u => u.UserName).FirstOrDefault()));
        return TableExport.Create(TableExportResult<MemberSheetRow>.IsSupported(format) ? format! : "xlsx", l["Party members"], rows, MemberSheet.ExportColumns, l);
    }

    private ViewResult ImportView(string view, object? model = null)
    {
        ViewData["ListTitle"] = l["Party members"].Value;
        ViewData["ImportTitle"] = l["Import party members"].Value;
        return View($"~/Views/Shared/{view}.cshtml", model);
    }

    private async Task<IActionResult> ReportStepAsync(int id, Guid version, bool forSecretary, Action<MemberReport> step, string success, CancellationToken ct)
    {
        var report = await db.MemberReports.Include(r => r.Member).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await access.VisibleMembers(User).AnyAsync(m => m.Id == report.MemberId, ct))
        {
            return NotFound();
        }
        // The secretary acts for her community's reports only; the liaison for her unit's members.
        var allowed = forSecretary ? SecretaryCommunityId == report.CommunityId : LiaisonUnitId == report.Member!.UnitId;
        if (!allowed)
        {
            return Forbid();
        }
        await this.TryStepAsync(db, report, version, () => step(report), success, l, ct);
        return RedirectToAction(nameof(Details), new { id = report.MemberId });
    }

    private async Task<IActionResult> ServiceStepAsync(int id, Guid version, Action<MemberService> step, string success, CancellationToken ct)
    {
        var service = await db.MemberServices.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null || !await access.VisibleMembers(User).AnyAsync(m => m.Id == service.MemberId, ct))
        {
            return NotFound();
        }
        if (SecretaryCommunityId != service.CommunityId)
        {
            return Forbid();
        }
        await this.TryStepAsync(db, service, version, () => step(service), success, l, ct);
        return RedirectToAction(nameof(Details), new { id = service.MemberId });
    }

    private async Task<MemberPage?> PageAsync(int id, ServiceInput? form, CancellationToken ct)
    {
        var member = await access.VisibleMembers(User).AsNoTracking().Include(m => m.Unit).Include(m => m.ResidenceCommunity).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return null;
        }
        var communityId = SecretaryCommunityId;
        // A secretary sees the member's reports to and service in her community only; the unit and the office see all.
        var reports = await db.MemberReports.AsNoTracking().Include(r => r.Community)
            .Where(r => r.MemberId == id && (communityId == null || r.CommunityId == communityId))
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var services = await db.MemberServices.AsNoTracking()
            .Where(s => s.MemberId == id && (communityId == null || s.CommunityId == communityId))
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Take(200).ToListAsync(ct);
        var open = await db.MemberReports.AsNoTracking().Include(r => r.Community)
            .FirstOrDefaultAsync(r => r.MemberId == id && (r.Status == MemberReportStatus.Pending || r.Status == MemberReportStatus.Accepted), ct);
        var account = await db.Users.AsNoTracking().Where(u => u.PartyMemberId == id).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        var forLiaison = LiaisonUnitId == member.UnitId;
        var forSecretary = communityId is not null && open?.CommunityId == communityId;
        return new MemberPage(member, PartyAccess.MaySeePhone(User, member, open?.CommunityId), reports, services,
            open is not null && (communityId is null || open.CommunityId == communityId) ? open : null,
            forLiaison, forSecretary, account, member.IsActive && account is null && (forLiaison || User.IsInRole(Roles.Admin)),
            form ?? new ServiceInput { Date = clock.Today }, clock.Today);
    }

    private async Task<MemberFormPage> FormAsync(MemberInput input, CancellationToken ct) =>
        new(input, await db.Communities.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name + "（" + c.Street + "）", c.Id.ToString(), c.Id == input.ResidenceCommunityId)).ToListAsync(ct));
}
