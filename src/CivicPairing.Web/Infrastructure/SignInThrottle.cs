using System.Threading.RateLimiting;

namespace CivicPairing.Web.Infrastructure;

/// <summary>
/// Failed sign-ins per client address: past <c>Security:LoginAttemptsPerMinute</c> failures (default 30) in a minute,
/// that address gets 429 until the minute is over. Only failures count, so a training room or an office behind one
/// address signs in as many colleagues as it has; a password guesser is held to a few dozen guesses a minute.
/// Guessing at one name is stopped separately by Identity's lockout (5 failures, 15 minutes), which is stored with the
/// account and so holds on every instance. This count is kept by each instance (several instances behind a load
/// balancer allow that many times the figure), which is enough for a brake on one address.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int DefaultFailuresPerMinute = 30;

    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(IConfiguration configuration)
    {
        var permits = Math.Max(1, configuration.GetValue("Security:LoginAttemptsPerMinute", DefaultFailuresPerMinute));
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>True when the address has used up its failures for this minute: answer 429 without checking a password.</summary>
    public bool IsBlocked(string address) => _failures.GetStatistics(address) is { CurrentAvailablePermits: <= 0 };

    public void RecordFailure(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
