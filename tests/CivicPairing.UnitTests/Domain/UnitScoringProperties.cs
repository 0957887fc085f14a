using System.Globalization;
using CivicPairing.Domain.Scoring;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// Properties of the scoring service over many random but seeded units and rules: more work never lowers a score,
/// a disputed report never raises one, scores stay within 0–100 at one decimal, and the ranking is a total order.
/// Each seed runs <see cref="CasesPerSeed"/> cases; a failure names its seed and case so it can be replayed.
/// </summary>
public sealed class UnitScoringProperties
{
    private const int CasesPerSeed = 25;

    /// <summary>20 seeds × 25 cases = 500 cases a property.</summary>
    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 20).Select(i => 7919 * i + 17)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NeverLowersTheScoreGivenOneMoreConfirmedActivity(int seed)
    {
        var random = new Random(seed);
        var raised = 0;
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var rules = RandomRules(random);
            var before = RandomFacts(random, i, minPairings: 1);
            var after = WithOneMoreActivity(random, before);

            var was = UnitScoring.Score(before, rules).Score;
            var now = UnitScoring.Score(after, rules).Score;

            Assert.True(now >= was, $"Seed {seed}, case {i}: {was} → {now} after one more activity.\nBefore: {before}\nAfter: {after}\nRules: {rules}");
            raised += now > was ? 1 : 0;
        }
        // The property is not vacuous: most of the time one more activity earns something.
        Assert.True(raised > 0, $"Seed {seed}: no case raised the score.");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NeverRaisesTheScoreGivenOneMoreDisputedActivity(int seed)
    {
        var random = new Random(seed);
        var lowered = 0;
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var rules = RandomRules(random);
            var before = RandomFacts(random, i, minPairings: 0);
            var after = before with { DisputedActivities = before.DisputedActivities + 1 };

            var was = UnitScoring.Score(before, rules);
            var now = UnitScoring.Score(after, rules);

            Assert.True(now.Score <= was.Score, $"Seed {seed}, case {i}: {was.Score} → {now.Score} after one more dispute.\nBefore: {before}\nRules: {rules}");
            Assert.Equal(was.Penalty + rules.PenaltyPerDisputedActivity, now.Penalty);
            lowered += now.Score < was.Score ? 1 : 0;
        }
        Assert.True(lowered > 0, $"Seed {seed}: no case lowered the score.");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NeverRaisesTheScoreGivenOneMoreCommitmentMissed(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var rules = RandomRules(random) with
            {
                PenaltyPerMissedVisit = random.Next(0, 11) / 2m,
                PenaltyPerMissedCoordinationMeeting = random.Next(0, 11) / 2m,
            };
            var before = RandomFacts(random, i, minPairings: 0) with { MissedVisits = random.Next(0, 12), MissedCoordinationMeetings = random.Next(0, 4) };
            var was = UnitScoring.Score(before, rules);

            var visit = UnitScoring.Score(before with { MissedVisits = before.MissedVisits + 1 }, rules);
            var meeting = UnitScoring.Score(before with { MissedCoordinationMeetings = before.MissedCoordinationMeetings + 1 }, rules);

            Assert.True(visit.Score <= was.Score && meeting.Score <= was.Score, $"Seed {seed}, case {i}: {was.Score} → {visit.Score} / {meeting.Score}.\nBefore: {before}\nRules: {rules}");
            Assert.Equal(was.Penalty + rules.PenaltyPerMissedVisit, visit.Penalty);
            Assert.Equal(was.Penalty + rules.PenaltyPerMissedCoordinationMeeting, meeting.Penalty);
            Assert.Equal(was.Components, visit.Components);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NeverShowsMorePointsThanTheEffectiveWeightBesideThem(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var rules = RandomRules(random);
            var facts = RandomFacts(random, i, minPairings: 0);
            var score = UnitScoring.Score(facts, rules);
            var where = $"Seed {seed}, case {i}: {facts}\nRules: {rules}";

            Assert.All(score.Components, c => Assert.True(c.Points <= c.EffectiveWeight, where));
            Assert.All(score.Components.Where(c => !c.Applies), c => Assert.Equal(0m, c.EffectiveWeight));
            // The effective weights of the components that apply share out the 100 (each rounded to 0.1 on its own).
            if (score.Components.Any(c => c.Applies && c.Weight > 0))
            {
                Assert.InRange(score.Components.Sum(c => c.EffectiveWeight), 99.7m, 100.3m);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KeepsEveryScoreWithinZeroToAHundredAtOneDecimal(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var rules = RandomRules(random);
            var facts = RandomFacts(random, i, minPairings: 0);

            var score = UnitScoring.Score(facts, rules);

            var where = $"Seed {seed}, case {i}: {score.Score}\nFacts: {facts}\nRules: {rules}";
            Assert.True(score.Score is >= 0m and <= 100m, where);
            Assert.True(HasAtMostOneDecimal(score.Score), where);
            Assert.Equal(UnitScoring.GradeOf(score.Score, rules), score.Grade);
            Assert.All(score.Components, c =>
            {
                Assert.True(c.Share is >= 0m and <= 1m, where);
                Assert.True(c.Points >= 0m && c.Points <= 100m && HasAtMostOneDecimal(c.Points), where);
                Assert.True(c.Applies || c.Points == 0m, where);
            });
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KeepsEveryScoreWithinZeroToAHundredGivenFactsBeyondTheirBounds(int seed)
    {
        // More months active than expected, ratings above the count, inspections above 100 %, hours far above the target:
        // the shares are capped at 1, so the score still cannot leave 0–100.
        var random = new Random(seed);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var facts = RandomFacts(random, i, minPairings: 0);
            var wild = facts with
            {
                PairingMonthsWithActivity = facts.PairingMonthsWithActivity * random.Next(1, 5) + random.Next(0, 10),
                RatingPoints = facts.RatingPoints * random.Next(1, 5) + random.Next(0, 10),
                ActivitiesWithLeader = facts.ActivitiesWithLeader * random.Next(1, 5) + random.Next(0, 10),
                ConfirmedPersonHours = facts.ConfirmedPersonHours * random.Next(1, 100),
                TasksConfirmed = facts.TasksConfirmed + random.Next(0, 5),
                InspectionScoreSum = facts.InspectionScoreSum * random.Next(1, 4),
            };

            var score = UnitScoring.Score(wild, ScoringRules.Default);

            var where = $"Seed {seed}, case {i}: {score.Score}\nFacts: {wild}";
            Assert.True(score.Score is >= 0m and <= 100m, where);
            Assert.True(HasAtMostOneDecimal(score.Score), where);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RanksAsATotalOrderByScore(int seed)
    {
        var random = new Random(seed);
        var ties = 0;
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var rules = RandomRules(random);
            var units = RandomCommunity(random);

            var scores = UnitScoring.ScoreAll(units, rules);

            var where = $"Seed {seed}, case {i}: " + string.Join("; ", scores.Select(s => $"{s.Facts.UnitName} {s.Score} #{s.Rank}"));
            // Every unit once, each with the score it would get alone.
            Assert.Equal(units.Select(u => u.UnitId).Order(), scores.Select(s => s.Facts.UnitId).Order());
            Assert.All(scores, s => Assert.Equal(UnitScoring.Score(s.Facts, rules).Score, s.Score));

            // The ranked units (those with a pairing in force) first, then the others by name without a rank.
            var ranked = scores.TakeWhile(s => s.IsRanked).ToList();
            var apart = scores.Skip(ranked.Count).ToList();
            Assert.All(ranked, s => Assert.True(s.Facts.IsExposed, where));
            Assert.All(apart, s => Assert.Null(s.Rank));
            Assert.All(apart, s => Assert.False(s.Facts.IsExposed));
            Assert.Equal(apart.Select(s => s.Facts.UnitName).Order(StringComparer.Ordinal), apart.Select(s => s.Facts.UnitName));

            if (ranked.Count > 0)
            {
                Assert.Equal(1, ranked[0].Rank);
            }
            for (var k = 1; k < ranked.Count; k++)
            {
                var (higher, lower) = (ranked[k - 1], ranked[k]);
                Assert.True(higher.Rank <= lower.Rank, where);
                Assert.True(higher.Score >= lower.Score, where);
                Assert.True((higher.Score == lower.Score) == (higher.Rank == lower.Rank), where);
                if (higher.Score == lower.Score)
                {
                    Assert.True(string.CompareOrdinal(higher.Facts.UnitName, lower.Facts.UnitName) < 0, where);
                    ties++;
                }
            }
            foreach (var a in ranked)
            {
                Assert.Equal(1 + ranked.Count(b => b.Score > a.Score), a.Rank);
                Assert.All(ranked.Where(b => b.Score < a.Score), b => Assert.True(b.Rank > a.Rank, where));
                Assert.All(ranked.Where(b => b.Score == a.Score), b => Assert.Equal(a.Rank, b.Rank));
            }
        }
        Assert.True(ties > 0, $"Seed {seed}: no ties were generated.");
    }

    // ---------------------------------------------------------------- generators

    /// <summary>Valid rules: the default ones, or six random weights adding up to 100 with a random target and penalties.</summary>
    private static ScoringRules RandomRules(Random random)
    {
        if (random.Next(3) == 0)
        {
            return ScoringRules.Default;
        }
        int[] cuts = [0, .. Enumerable.Range(0, 5).Select(_ => random.Next(0, 101)).Order(), 100];
        var w = Enumerable.Range(0, 6).Select(k => cuts[k + 1] - cuts[k]).ToArray();
        var rules = new ScoringRules(w[0], w[1], w[2], w[3], w[4], w[5],
            EffortTargetHoursPerStaff: random.Next(1, 49) / 4m,
            PenaltyPerDisputedActivity: random.Next(0, 11) / 2m,
            PenaltyPerMissedJointMeeting: random.Next(0, 11) / 2m);
        Assert.Empty(rules.Problems());
        return rules;
    }

    /// <summary>
    /// A consistent unit: months active ≤ pairings × months; at least one activity in every active month and none without
    /// one; ratings of 1–5 and the leader per activity; confirmed and overdue tasks within those due; inspections of 0–100.
    /// </summary>
    private static UnitFacts RandomFacts(Random random, int id, int minPairings)
    {
        var staff = random.Next(10) == 0 ? 0 : random.Next(1, 10) == 1 ? random.Next(500, 5001) : random.Next(1, 200);
        var pairings = random.Next(minPairings, 4);
        var months = new[] { 3, 6, 12 }[random.Next(3)];
        var expected = pairings * months;
        var activeMonths = random.Next(0, expected + 1);
        var activities = activeMonths == 0 ? 0 : activeMonths + random.Next(0, 2 * activeMonths + 1);
        var (hours, ratingPoints, withLeader) = (0m, 0m, 0);
        for (var a = 0; a < activities; a++)
        {
            hours += ActivityHours(random, staff);
            ratingPoints += (random.Next(1, 6) - 1) / 4m;
            withLeader += random.Next(2);
        }
        var due = random.Next(0, 7);
        var confirmed = random.Next(0, due + 1);
        var inspections = random.Next(0, 4);
        var inspectionSum = Enumerable.Range(0, inspections).Sum(_ => random.Next(0, 1001) / 10m);
        var periodStart = new DateOnly(2017, 1, 1);
        DateOnly? last = activities > 0 ? periodStart.AddDays(random.Next(0, months * 28))
            : random.Next(2) == 0 ? null : periodStart.AddDays(-random.Next(1, 1000));
        return new UnitFacts(id, $"Unit {id:D3}", staff, pairings, months, activeMonths, activities, hours, ratingPoints, withLeader,
            due, confirmed, random.Next(0, due - confirmed + 1), inspections, inspectionSum,
            random.Next(5) == 0 ? random.Next(0, 40) : random.Next(0, 3), random.Next(0, 4), last);
    }

    /// <summary>The facts after one more confirmed activity of some hours, some rating, with or without the leader.</summary>
    private static UnitFacts WithOneMoreActivity(Random random, UnitFacts f)
    {
        var expected = f.ExpectedPairingMonths;
        // A first activity opens a month; a later one may open another while some month is still idle.
        var newMonth = f.PairingMonthsWithActivity == 0 || (f.PairingMonthsWithActivity < expected && random.Next(2) == 0) ? 1 : 0;
        var rating = random.Next(1, 6);
        var after = f with
        {
            ConfirmedActivities = f.ConfirmedActivities + 1,
            ConfirmedPersonHours = f.ConfirmedPersonHours + (random.Next(4) == 0 ? 0m : ActivityHours(random, f.StaffCount)),
            RatingPoints = f.RatingPoints + (rating - 1) / 4m,
            ActivitiesWithLeader = f.ActivitiesWithLeader + random.Next(2),
            PairingMonthsWithActivity = f.PairingMonthsWithActivity + newMonth,
        };
        Assert.True(after.PairingMonthsWithActivity <= expected && after.PairingMonthsWithActivity <= after.ConfirmedActivities);
        return after;
    }

    /// <summary>Some of the staff for a few hours, to one decimal: enough that effort is sometimes full, sometimes not.</summary>
    private static decimal ActivityHours(Random random, int staff) =>
        Math.Round(Math.Max(staff, 1) * random.Next(0, 60) / 100m * random.Next(1, 9) / 2m, 1);

    /// <summary>A community of 1–30 units, a third of them copies of an earlier one under another name, so scores tie.</summary>
    private static List<UnitFacts> RandomCommunity(Random random)
    {
        var count = random.Next(1, 31);
        var units = new List<UnitFacts>(count);
        for (var id = 1; id <= count; id++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Unit {random.Next(1000):D3}-{id:D2}");
            units.Add(units.Count > 0 && random.Next(3) == 0
                ? units[random.Next(units.Count)] with { UnitId = id, UnitName = name }
                : RandomFacts(random, id, minPairings: 0) with { UnitName = name });
        }
        return units;
    }

    private static bool HasAtMostOneDecimal(decimal value) => value * 10m == decimal.Truncate(value * 10m);
}
