using System.Security.Claims;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// Every MVC action against a declared matrix of who may reach it. A new action without a line
/// here fails the build, so nobody adds a page and forgets who may open it.
/// </summary>
public sealed class AuthorizationMatrix(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Office = [Roles.Admin, Roles.CivilizationOffice];
    private static readonly string[] AdminOnly = [Roles.Admin];
    private static readonly string[] Everyone = [Anonymous, .. Roles.All];
    private static readonly string[] SignedIn = [.. Roles.All];
    private static readonly string[] HouseholdReaders = [Roles.CivilizationOffice, Roles.UnitLiaison, Roles.CommunitySecretary];
    /// <summary>Every role but a party member, who reaches only their own page (the fallback policy admits the staff roles).</summary>
    private static readonly string[] Staff = [.. Roles.Staff];
    private static readonly string[] Member = [Roles.PartyMember];

    /// <summary>Controller.Action → who passes the authorization policy (row-level checks come on top, see RowLevelAccess).</summary>
    private static readonly Dictionary<string, string[]> Matrix = new()
    {
        ["Account.Login"] = Everyone,
        ["Account.Logout"] = SignedIn,
        ["Account.ChangePassword"] = SignedIn,
        ["Account.Language"] = Everyone,
        ["Error.Index"] = Everyone,
        ["Home.Index"] = SignedIn,
        ["Units.Index"] = Office,
        ["Units.Export"] = Office,
        ["Units.Details"] = Staff,
        ["Units.Create"] = Office,
        ["Units.Edit"] = Office,
        ["Units.SetActive"] = Office,
        ["Units.Import"] = Office,
        ["Units.ConfirmImport"] = Office,
        ["Communities.Index"] = Office,
        ["Communities.Export"] = Office,
        ["Communities.Details"] = Staff,
        ["Communities.Create"] = Office,
        ["Communities.Edit"] = Office,
        ["Communities.SetActive"] = Office,
        ["Communities.Import"] = Office,
        ["Communities.ConfirmImport"] = Office,
        ["Audit.Index"] = Office,
        ["Audit.Export"] = Office,
        ["Users.Index"] = AdminOnly,
        ["Users.Create"] = AdminOnly,
        ["Users.Edit"] = AdminOnly,
        ["Users.ResetPassword"] = AdminOnly,
        ["Users.SetLocked"] = AdminOnly,
        ["Pairings.Index"] = Staff,
        ["Pairings.Export"] = Staff,
        ["Pairings.Details"] = Staff,
        ["Pairings.Propose"] = Staff,
        ["Pairings.Approve"] = Office,
        ["Pairings.Reject"] = Office,
        ["Pairings.Suspend"] = Office,
        ["Pairings.Resume"] = Office,
        ["Pairings.End"] = Office,
        ["Pairings.CorrectDates"] = Office,
        ["Pairings.Suggestions"] = Office,
        ["Coverage.Index"] = Office,
        ["Coverage.Export"] = Office,
        ["Agreements.Index"] = Staff,
        ["Agreements.Export"] = Staff,
        ["Agreements.Details"] = Staff,
        ["Agreements.Print"] = Staff,
        ["Agreements.Create"] = Staff,
        ["Agreements.Edit"] = Staff,
        ["Agreements.SignUnit"] = Staff,
        ["Agreements.SignCommunity"] = Staff,
        ["Agreements.File"] = Office,
        ["Agreements.Terminate"] = Office,
        ["Agreements.Amend"] = Staff,
        ["Tasks.Index"] = Staff,
        ["Tasks.Export"] = Staff,
        ["Tasks.Details"] = Staff,
        ["Tasks.Report"] = Staff,
        ["Tasks.Confirm"] = Staff,
        ["Tasks.Return"] = Staff,
        ["Evidence.Show"] = Staff,
        ["Activities.Index"] = Staff,
        ["Activities.Export"] = Staff,
        ["Activities.Details"] = Staff,
        ["Activities.Log"] = [Roles.UnitLiaison],
        ["Activities.Correct"] = [Roles.UnitLiaison],
        ["Activities.Inbox"] = [Roles.CommunitySecretary],
        ["Activities.Confirm"] = [Roles.CommunitySecretary],
        ["Activities.Dispute"] = [Roles.CommunitySecretary],
        ["Activities.ConfirmMany"] = [Roles.CommunitySecretary],
        ["Activities.Reopen"] = Office,
        ["Ranking.Index"] = Office,
        ["Ranking.Export"] = Office,
        ["Inspections.Index"] = Staff,
        ["Inspections.Export"] = Staff,
        ["Inspections.Details"] = Staff,
        ["Inspections.Record"] = Office,
        ["Inspections.FollowUp"] = Office,
        ["Checklist.Index"] = Office,
        ["Checklist.Add"] = Office,
        ["Checklist.Update"] = Office,
        ["Checklist.Retire"] = Office,
        ["Checklist.Restore"] = Office,
        ["Assessment.Index"] = Staff,
        ["Assessment.Report"] = Staff,
        ["Assessment.Print"] = Staff,
        ["Assessment.Export"] = Staff,
        ["Assessment.Unit"] = Staff,
        ["Assessment.Create"] = Office,
        ["Assessment.Details"] = Office,
        ["Assessment.Rules"] = Office,
        ["Assessment.Close"] = Office,
        ["Assessment.Reopen"] = Office,
        ["Assessment.Publish"] = Office,
        ["Assessment.Correct"] = Office,
        ["Assessment.SetPublic"] = Office,
        ["PublicReports.Index"] = Everyone,
        ["PublicReports.Report"] = Everyone,
        ["PublicReports.Print"] = Everyone,
        ["Ranking.Scorecard"] = [Roles.UnitLiaison],
        ["Needs.Index"] = Staff,
        ["Needs.Details"] = Staff,
        ["Needs.Overview"] = Office,
        ["Needs.Post"] = [Roles.CommunitySecretary],
        ["Needs.Withdraw"] = [Roles.CommunitySecretary],
        ["Needs.Publish"] = Office,
        ["Needs.Return"] = Office,
        ["Needs.Dispatch"] = Office,
        ["Needs.Accept"] = [Roles.UnitLiaison],
        ["Needs.Decline"] = [Roles.UnitLiaison],
        ["Needs.Take"] = [Roles.UnitLiaison],
        ["Needs.Report"] = [Roles.UnitLiaison],
        ["Needs.Rate"] = [Roles.CommunitySecretary],
        ["Needs.SendBack"] = [Roles.CommunitySecretary],
        // Aid households are sensitive personal data: the office, liaisons and secretaries, not the system administrator.
        ["AidHouseholds.Index"] = HouseholdReaders,
        ["AidHouseholds.Export"] = HouseholdReaders,
        ["AidHouseholds.Details"] = HouseholdReaders,
        ["AidHouseholds.Create"] = [Roles.CommunitySecretary],
        ["AidHouseholds.Edit"] = [Roles.CommunitySecretary],
        ["AidHouseholds.AddMeasure"] = [Roles.CommunitySecretary],
        ["AidHouseholds.SetMeasure"] = [Roles.CommunitySecretary],
        ["AidHouseholds.AddEvidence"] = HouseholdReaders,
        ["AidHouseholds.LiftOut"] = [Roles.CommunitySecretary],
        ["AidHouseholds.Close"] = [Roles.CommunitySecretary],
        ["AidHouseholds.Overview"] = [Roles.CivilizationOffice],
                ["Funding.Index"] = Staff,
        ["Funding.Details"] = Staff,
        ["Funding.Create"] = [Roles.CommunitySecretary, Roles.UnitLiaison],
        ["Funding.Approve"] = Office,
        ["Funding.Refuse"] = Office,
        ["Funding.Pledge"] = [Roles.UnitLiaison],
        ["Funding.Pay"] = [Roles.UnitLiaison],
        ["Members.Index"] = Staff,
        ["Members.Details"] = Staff,
        ["Members.Overview"] = Office,
        ["Members.Create"] = [Roles.UnitLiaison],
        ["Members.Report"] = [Roles.UnitLiaison],
        ["Members.Edit"] = [Roles.UnitLiaison],
        ["Members.Leave"] = [Roles.UnitLiaison],
        ["Members.Accept"] = [Roles.CommunitySecretary],
        ["Members.Decline"] = [Roles.CommunitySecretary],
        ["Members.EndReport"] = [Roles.UnitLiaison, Roles.CommunitySecretary],
        ["Members.RecordService"] = [Roles.CommunitySecretary],
        ["Members.ConfirmService"] = [Roles.CommunitySecretary],
        ["Members.RejectService"] = [Roles.CommunitySecretary],
        ["Members.CreateAccount"] = [Roles.UnitLiaison, Roles.Admin],
        ["Members.Import"] = [Roles.UnitLiaison],
        ["Members.ConfirmImport"] = [Roles.UnitLiaison],
        ["Members.Export"] = [Roles.UnitLiaison],
        ["Feedback.Index"] = [.. Office, Roles.UnitLiaison],
        ["Feedback.Print"] = [.. Office, Roles.UnitLiaison],
        ["Feedback.Export"] = [.. Office, Roles.UnitLiaison],
        ["Notifications.Index"] = Staff,
        ["Notifications.Open"] = Staff,
        ["Notifications.ReadAll"] = Staff,
        ["Notifications.Preferences"] = Staff,
        ["Webhooks.Index"] = Office,
        ["Webhooks.Create"] = Office,
        ["Webhooks.Test"] = Office,
        ["Webhooks.Toggle"] = Office,
        ["Webhooks.Delete"] = Office,
        ["Me.Index"] = Member,
        ["Me.Report"] = Member,
        ["Me.Record"] = Member,
    };

    [Fact]
    public async Task EveryActionGrantsExactlyTheDeclaredRoles()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .ToList();
        Assert.NotEmpty(endpoints);
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var evaluator = factory.Services.GetRequiredService<IPolicyEvaluator>();
        var failures = new List<string>();
        var seen = new HashSet<string>();

        foreach (var endpoint in endpoints)
        {
            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()!;
            var key = $"{action.ControllerName}.{action.ActionName}";
            seen.Add(key);
            if (!Matrix.TryGetValue(key, out var expected))
            {
                failures.Add($"{key} has no line in the matrix");
                continue;
            }
            var granted = new List<string>();
            foreach (var who in Everyone)
            {
                if (await PassesAsync(endpoint, who, policies, evaluator))
                {
                    granted.Add(who);
                }
            }
            if (!granted.Order().SequenceEqual(expected.Order()))
            {
                failures.Add($"{key} grants [{string.Join(", ", granted)}] but the matrix says [{string.Join(", ", expected)}]");
            }
        }
        failures.AddRange(Matrix.Keys.Except(seen).Select(k => $"{k} is in the matrix but no such action exists"));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task<bool> PassesAsync(Endpoint endpoint, string who, IAuthorizationPolicyProvider policies, IPolicyEvaluator evaluator)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }
        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync();
        if (policy is null)
        {
            return true;
        }
        var identity = who == Anonymous ? new ClaimsIdentity() : new ClaimsIdentity([new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, who)], "test");
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        var authentication = who == Anonymous
            ? Microsoft.AspNetCore.Authentication.AuthenticateResult.NoResult()
            : Microsoft.AspNetCore.Authentication.AuthenticateResult.Success(new Microsoft.AspNetCore.Authentication.AuthenticationTicket(context.User, "test"));
        var result = await evaluator.AuthorizeAsync(policy, authentication, context, resource: endpoint);
        return result.Succeeded;
    }
}
