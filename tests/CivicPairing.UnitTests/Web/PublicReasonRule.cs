using CivicPairing.Web.Features.PublicReports;
using CivicPairing.Web.Features.Ranking;

namespace CivicPairing.UnitTests.Web;

/// <summary>The rule for reasons on public notice: a fixed sentence whose arguments are numbers or dates only.</summary>
public sealed class PublicReasonRule
{
    [Theory]
    [InlineData("No confirmed activity at all.")]
    [InlineData("No confirmed activity since {0}.", "2026-03-14")]
    [InlineData("{0} task(s) overdue.", "3")]
    [InlineData("{0} pairing-month(s) without a confirmed activity.", "-2.5")]
    public void PublishesFixedSentencesWithFigures(string text, params string[] arguments) =>
        Assert.True(PublicReasons.IsPublishable(new SnapshotReason(text, arguments)));

    [Theory]
    [InlineData("{0} task(s) overdue.", "只来了3人，半天就走了。")]
    [InlineData("No confirmed activity since {0}.", "2026年3月14日")]
    [InlineData("{0} task(s) overdue.", "1,000")]
    [InlineData("The community wrote: “{0}”", "3")]
    [InlineData("The community wrote: only 3 people came.")]
    public void KeepsAnythingElseInsideThePortal(string text, params string[] arguments) =>
        Assert.False(PublicReasons.IsPublishable(new SnapshotReason(text, arguments)));
}
