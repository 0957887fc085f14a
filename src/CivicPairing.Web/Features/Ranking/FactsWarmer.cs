using CivicPairing.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>
/// Keeps the stored facts of the pages everybody opens (this year's scores and the office dashboard) current in the
/// background, so that no user waits for a province to be gathered after a change or on the first visit of the day.
/// Each instance runs one; when two gather at once both store the same facts, and readers take either.
/// </summary>
public sealed class FactsWarmer(IServiceScopeFactory scopes, CityClock clock, TimeProvider time, IOptions<ScoringOptions> options,
    ILogger<FactsWarmer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.WarmEverySeconds;
        if (seconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Home.Dashboards>().WarmAsync(clock.Today, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Keeping the stored scoring and dashboard facts current failed; pages gather them when asked");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
