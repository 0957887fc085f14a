using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL commands the portal sends, to prove a page's query count does not grow with its rows, and
/// keeps their texts so that a failing test can name the command that repeats.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly List<string> _texts = [];

    public int Count
    {
        get
        {
            lock (_texts)
            {
                return _texts.Count;
            }
        }
    }

    /// <summary>The texts of the commands sent since <see cref="Count"/> was <paramref name="start"/>, in order.</summary>
    public IReadOnlyList<string> TextsSince(int start)
    {
        lock (_texts)
        {
            return [.. _texts.Skip(start)];
        }
    }

    private void Record(DbCommand command)
    {
        lock (_texts)
        {
            _texts.Add(command.CommandText);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return base.ScalarExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
