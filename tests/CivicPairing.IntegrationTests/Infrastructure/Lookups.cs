using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>Ids of the demo city's records by their Chinese names, read from the portal's database.</summary>
public static class Lookups
{
    public static Task<int> UnitIdAsync(this PortalFactory f, string name) =>
        f.QueryAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    public static Task<int> CommunityIdAsync(this PortalFactory f, string name) =>
        f.QueryAsync(db => db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    public static Task<Pairing> PairingAsync(this PortalFactory f, string unit, string community) =>
        f.QueryAsync(db => db.Pairings.AsNoTracking().Include(p => p.Events)
            .Where(p => p.Unit!.Name == unit && p.Community!.Name == community)
            .OrderByDescending(p => p.Id).FirstAsync());

    public static Task<Agreement> AgreementAsync(this PortalFactory f, string number, int version = 1) =>
        f.QueryAsync(db => db.Agreements.AsNoTracking().Include(a => a.Tasks).SingleAsync(a => a.Number == number && a.VersionNumber == version));
}
