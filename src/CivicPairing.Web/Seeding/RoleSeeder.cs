using CivicPairing.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CivicPairing.Web.Seeding;

public static class RoleSeeder
{
    /// <summary>The four roles exist in every database, demo or not.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
