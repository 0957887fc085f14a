using System.Globalization;
using System.Text.Json;
using CivicPairing.Domain.Scoring;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>A reason as published: its English sentence and its figures as text (dates as yyyy-MM-dd), shown in the reader's language.</summary>
public sealed record SnapshotReason(string Text, string[] Arguments);

/// <summary>One unit's line of a published report, frozen: later data and later rules never change it.</summary>
public sealed record SnapshotRow(int UnitId, string UnitName, decimal Score, Grade Grade, int? Rank, decimal[] Points, bool[] Applies, decimal Penalty, SnapshotReason[] Reasons)
{
    public static SnapshotRow From(UnitScore s) => new(s.Facts.UnitId, s.Facts.UnitName, s.Score, s.Grade, s.Rank,
        [.. s.Components.Select(c => c.Points)], [.. s.Components.Select(c => c.Applies)], s.Penalty,
        [.. s.Reasons.Select(r => new SnapshotReason(r.Text, [.. r.Arguments.Select(a => a switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => a.ToString() ?? "",
        })]))]);
}

/// <summary>The period's totals of confirmed work and its coverage, frozen with the report.</summary>
public sealed record ReportSummary(int Activities, int PeopleSent, decimal PersonHours, decimal Funds, int PairedCommunities, int Communities)
{
    public double CoverageShare => Communities == 0 ? 0 : (double)PairedCommunities / Communities;
}

public static class ReportSnapshot
{
    public static string Serialize(IEnumerable<UnitScore> scores) => JsonSerializer.Serialize(scores.Select(SnapshotRow.From).ToList());

    public static IReadOnlyList<SnapshotRow> Deserialize(string json) => JsonSerializer.Deserialize<List<SnapshotRow>>(json) ?? [];
}
