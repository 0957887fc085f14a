using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text.Json;
using CivicPairing.Domain.Registry;
using CivicPairing.Domain.Scoring;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>A reason as published: its English sentence and its figures as text (dates as yyyy-MM-dd), shown in the reader's language.</summary>
/// <remarks><see cref="Records"/> names the records behind it (None in reports published before it was kept).</remarks>
public sealed record SnapshotReason(string Text, string[] Arguments, FindingRecords Records = FindingRecords.None);

/// <summary>One unit's line of a published report, frozen: later data and later rules never change it.</summary>
/// <remarks>The facts the score came from are frozen with it, so the component sheets and drill-down show the same figures.</remarks>
public sealed record SnapshotRow(int UnitId, string UnitName, decimal Score, Grade Grade, int? Rank, decimal[] Points, bool[] Applies, decimal Penalty, SnapshotReason[] Reasons, UnitFacts Facts, UnitKind Kind) : IRankedUnit
{
    /// <remarks>Points and applies follow the published rules' <see cref="ScoringRules.Components"/>: members' service, last, is there only when it had a weight.</remarks>
    public decimal PointsOf(Component c) => (int)c - 1 < Points.Length ? Points[(int)c - 1] : 0;

    public bool AppliesTo(Component c) => (int)c - 1 < Applies.Length && Applies[(int)c - 1];

    /// <summary>What each component was worth for this unit, derived from the published rules and applies (so older snapshots show it too).</summary>
    public decimal[] EffectiveWeights(ScoringRules rules) => UnitScoring.EffectiveWeights(rules, Applies);

    public decimal EffectiveWeightOf(Component c, ScoringRules rules) => EffectiveWeights(rules)[(int)c - 1];

    /// <summary>Whether some component's weight was shared out for this unit, so a weight differs from the rules'.</summary>
    public bool HasSharedWeight => Applies.Any(a => !a);

    public static SnapshotRow From(UnitScore s, UnitKind kind) => new(s.Facts.UnitId, s.Facts.UnitName, s.Score, s.Grade, s.Rank,
        [.. s.Components.Select(c => c.Points)], [.. s.Components.Select(c => c.Applies)], s.Penalty,
        [.. s.Reasons.Select(r => new SnapshotReason(r.Text, [.. r.Arguments.Select(a => a switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => a.ToString() ?? "",
        })], r.Records))], s.Facts, kind);
}

/// <summary>The period's totals of confirmed work and its coverage, frozen with the report.</summary>
/// <remarks>
/// <see cref="LaggardCap"/>: the office's cap on the laggards named (the bottom N, <see cref="Laggards.Of"/>), chosen
/// when publishing; null names every laggard. Kept here, in the report's JSON, so it needs no column.
/// The people behind the pairing (issue 15), counts only, never names, null in reports published before they were kept:
/// <see cref="HouseholdsHelped"/> aid households in aid at some time in the period, <see cref="HouseholdsLifted"/> those
/// confirmed 已脱困 in it, <see cref="MembersReported"/> in-service party members whose report to their community was
/// accepted and in force at some time in it.
/// </remarks>
public sealed record ReportSummary(int Activities, int PeopleSent, decimal PersonHours, decimal Funds, int PairedCommunities, int Communities, int? LaggardCap = null,
    int? HouseholdsHelped = null, int? HouseholdsLifted = null, int? MembersReported = null)
{
    public double CoverageShare => Communities == 0 ? 0 : (double)PairedCommunities / Communities;
}

public static class ReportSnapshot
{
    public static string Serialize(IEnumerable<UnitScore> scores, IReadOnlyDictionary<int, UnitKind> kinds) =>
        JsonSerializer.Serialize(scores.Select(s => SnapshotRow.From(s, kinds.GetValueOrDefault(s.Facts.UnitId))).ToList());

    public static IReadOnlyList<SnapshotRow> Deserialize(string json) => JsonSerializer.Deserialize<List<SnapshotRow>>(json) ?? [];

    /// <summary>
    /// A published version without its scores (a province's are megabytes, read from the database on every visit before):
    /// the rows come from <see cref="RowsAsync"/>, once per process.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<PublishedReport, PublishedReport>> Heading = r => new PublishedReport
    {
        Id = r.Id, PeriodId = r.PeriodId, VersionNumber = r.VersionNumber, PublishedAt = r.PublishedAt, PublishedBy = r.PublishedBy,
        CorrectionNote = r.CorrectionNote, RulesJson = r.RulesJson, SummaryJson = r.SummaryJson, IsPublic = r.IsPublic, MadePublicAt = r.MadePublicAt,
    };

    /// <summary>A published report's rows, read once per process: a published version never changes (corrections are new versions).</summary>
    public static async Task<IReadOnlyList<SnapshotRow>> RowsAsync(Microsoft.Extensions.Caching.Memory.IMemoryCache cache, Data.AppDbContext db, int reportId, CancellationToken ct) =>
        (await Microsoft.Extensions.Caching.Memory.CacheExtensions.GetOrCreateAsync(cache, (nameof(PublishedReport), reportId), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return Deserialize(await db.PublishedReports.Where(r => r.Id == reportId).Select(r => r.ScoresJson).SingleAsync(ct));
        }))!;
}
