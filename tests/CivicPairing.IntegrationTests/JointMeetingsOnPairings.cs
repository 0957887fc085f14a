using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>Joint meetings committed in the agreement show as missed until a confirmed joint meeting is held in that half-year.</summary>
public sealed partial class JointMeetingsOnPairings(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ShowsTheFirstHalfOf2026AsMissedUntilAConfirmedJointMeetingIsHeld()
    {
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.Matches("2026年上半年</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">0</td>\\s*<td class=\"text-end\">\\s*<span class=\"badge text-bg-danger\">缺席1次</span>",
            await office.GetPageAsync($"/Pairings/Details/{pairing.Id}"));

        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var form = await liaison.GetPageAsync("/Activities/Log");
        await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", new Dictionary<string, string>
        {
            ["PairingId"] = pairing.Id.ToString(), ["SubmissionKey"] = SubmissionKey().Match(form).Groups[1].Value, ["Date"] = "2026-05-12",
            ["Category"] = "JointMeeting", ["Title"] = "2026年上半年联席会议", ["PeopleSent"] = "3", ["PersonHours"] = "6", ["Attendees"] = "周建国、刘志强；陈红",
        });
        var meeting = await factory.QueryAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Title == "2026年上半年联席会议"));
        Assert.Equal("周建国、刘志强；陈红", meeting.Attendees);

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        await secretary.PostFormAsync($"/Activities/Details/{meeting.Id}", $"/Activities/Confirm/{meeting.Id}",
            new Dictionary<string, string> { ["rating"] = "5", ["version"] = meeting.Version.ToString() });
        Assert.Equal(ActivityStatus.Confirmed, await factory.QueryAsync(db => db.Activities.Where(a => a.Id == meeting.Id).Select(a => a.Status).SingleAsync()));

        Assert.Matches("2026年上半年</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">\\s*<span>0</span>",
            await office.GetPageAsync($"/Pairings/Details/{pairing.Id}"));
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
