using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Auditing;
using CivicPairing.Web.Data.Imports;
using CivicPairing.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Data;

/// <summary>
/// The one DbContext, used directly by controllers (docs/adr/0001). Each provider has a thin
/// subclass so that SQLite and SQL Server keep their own migrations.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private readonly IAuditActor? _actor;
    private readonly TimeProvider _time;

    protected AppDbContext(DbContextOptions options, IAuditActor? actor, TimeProvider? time) : base(options)
    {
        _actor = actor;
        _time = time ?? TimeProvider.System;
    }

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Pairing> Pairings => Set<Pairing>();
    public DbSet<PairingEvent> PairingEvents => Set<PairingEvent>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementTask> AgreementTasks => Set<AgreementTask>();
    public DbSet<AgreementTaskEvent> AgreementTaskEvents => Set<AgreementTaskEvent>();
    public DbSet<Domain.Evidence.EvidenceFile> EvidenceFiles => Set<Domain.Evidence.EvidenceFile>();
    public DbSet<Domain.Activities.Activity> Activities => Set<Domain.Activities.Activity>();
    public DbSet<Domain.Activities.ActivityEvent> ActivityEvents => Set<Domain.Activities.ActivityEvent>();
    public DbSet<Domain.Scoring.AssessmentPeriod> AssessmentPeriods => Set<Domain.Scoring.AssessmentPeriod>();
    public DbSet<Domain.Scoring.PublishedReport> PublishedReports => Set<Domain.Scoring.PublishedReport>();
    public DbSet<Domain.Inspections.Inspection> Inspections => Set<Domain.Inspections.Inspection>();
    public DbSet<Domain.Inspections.ChecklistItem> ChecklistItems => Set<Domain.Inspections.ChecklistItem>();
    public DbSet<Domain.Needs.Need> Needs => Set<Domain.Needs.Need>();
    public DbSet<Domain.Needs.NeedEvent> NeedEvents => Set<Domain.Needs.NeedEvent>();
    public DbSet<Domain.Funding.FundingRequest> FundingRequests => Set<Domain.Funding.FundingRequest>();
    public DbSet<Domain.Funding.Payment> FundingPayments => Set<Domain.Funding.Payment>();
    public DbSet<Domain.AidHouseholds.AidHousehold> AidHouseholds => Set<Domain.AidHouseholds.AidHousehold>();
    public DbSet<Domain.AidHouseholds.AidMeasure> AidMeasures => Set<Domain.AidHouseholds.AidMeasure>();
    public DbSet<Domain.Members.PartyMember> PartyMembers => Set<Domain.Members.PartyMember>();
    public DbSet<Domain.Members.MemberReport> MemberReports => Set<Domain.Members.MemberReport>();
    public DbSet<Domain.Members.MemberService> MemberServices => Set<Domain.Members.MemberService>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Ranking.FactsSnapshot> FactsSnapshots => Set<Features.Ranking.FactsSnapshot>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Notifications.NotificationDelivery> NotificationDeliveries => Set<Features.Notifications.NotificationDelivery>();
    public DbSet<Features.Notifications.WebhookTarget> WebhookTargets => Set<Features.Notifications.WebhookTarget>();
    public DbSet<Features.Notifications.NotificationPreference> NotificationPreferences => Set<Features.Notifications.NotificationPreference>();
    public DbSet<Features.Notifications.JobLease> JobLeases => Set<Features.Notifications.JobLease>();

    /// <summary>Set by a caller that wants a reason stored with the audit rows of the next save.</summary>
    public string? AuditNote { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        NameCollation.Apply(builder, Database);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store it as UTC ticks there and natively elsewhere.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var recorder = new AuditRecorder(ChangeTracker, _actor, AuditNote);
        var factsChange = ScoringFactsChange.IsPending(ChangeTracker);
        var notices = new Features.Notifications.NotificationRules(ChangeTracker);
        if (!recorder.HasWork && !factsChange && !notices.HasWork)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit rows commit together or not at all; keys of new rows are only
        // known after the first save, hence two saves inside one transaction.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (recorder.HasWork)
            {
                AuditEntries.AddRange(recorder.Complete(_time.GetUtcNow()));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (notices.HasWork)
            {
                // The notices of the change commit with it; the dispatcher sends them on after the commit.
                Notifications.AddRange(await notices.CompleteAsync(this, _actor?.UserId, _time.GetUtcNow(), cancellationToken));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (factsChange)
            {
                // Stored scoring facts gathered before this commit are stale from now on, in every instance.
                await Set<Features.Ranking.FactsVersion>().ExecuteUpdateAsync(v => v.SetProperty(x => x.Number, x => x.Number + 1), cancellationToken);
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            AuditNote = null;
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
