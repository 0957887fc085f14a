using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>
/// What the portal logged, as the test sees it: the portal's own logger factory (Serilog) still gets every entry, and a
/// copy lands here. Add it with <see cref="AddTo"/> from ConfigureTestServices.
/// </summary>
public sealed class CapturedLog
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Wraps the registered <see cref="ILoggerFactory"/> so that every logger also writes here.</summary>
    public void AddTo(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(original);
        services.AddSingleton<ILoggerFactory>(sp => new Tee((ILoggerFactory)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)), this));
    }

    private sealed class Tee(ILoggerFactory inner, CapturedLog log) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName), categoryName, log);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class Logger(ILogger inner, string category, CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        // Information and up is kept here (Debug would copy every SQL command); the portal's own levels apply to its log.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information || inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Information)
            {
                log._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
            }
            if (inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
