namespace CivicPairing.Web.Infrastructure;

/// <summary>
/// The city's calendar over the injected <see cref="TimeProvider"/>: the one place the portal asks what time it is.
/// "Today" is the date in the city's zone (<see cref="Format.TimeZone"/>), whatever the server's own zone is; tests
/// replace the <see cref="TimeProvider"/> to pin or advance it.
/// </summary>
public sealed class CityClock(TimeProvider time)
{
    /// <summary>The current instant.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The current date in the city.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Format.Local(Now));
}
