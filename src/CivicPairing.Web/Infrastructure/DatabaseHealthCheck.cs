using CivicPairing.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicPairing.Web.Infrastructure;

/// <summary>/readyz: the portal is only ready when its database answers.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
