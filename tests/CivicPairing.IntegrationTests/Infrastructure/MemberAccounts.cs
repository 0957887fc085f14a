using CivicPairing.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>Accounts a test needs beside the demo's: another unit's liaison, another community's secretary, another member.</summary>
public static class TestAccounts
{
    /// <summary>Creates a signed-in-ready account (the demo password, no forced change) bound as given.</summary>
    public static async Task CreateAccountAsync(this PortalFactory factory, string userName, string role, int? unitId = null, int? communityId = null, int? memberId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName, DisplayName = userName, CreatedAt = factory.Clock.GetUtcNow(),
            UnitId = unitId, CommunityId = communityId, PartyMemberId = memberId,
        };
        var created = await users.CreateAsync(user, PortalClient.DemoPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}
