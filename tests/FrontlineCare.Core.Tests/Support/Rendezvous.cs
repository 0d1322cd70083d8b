using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>
/// Holds every INSERT into a table until a given number of them have arrived, then lets them all go at once: two
/// saves that each passed the service's own checks then race in the database, deterministically.
/// </summary>
public sealed class Rendezvous(string table) : DbCommandInterceptor
{
    private TaskCompletionSource? _gate;
    private int _expected;
    private int _arrived;

    /// <summary>The next <paramref name="parties"/> inserts wait for each other.</summary>
    public void Arm(int parties)
    {
        _arrived = 0;
        _expected = parties;
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_gate is { } gate && command.CommandText.Contains($"INSERT INTO {table} ", StringComparison.OrdinalIgnoreCase))
        {
            if (Interlocked.Increment(ref _arrived) >= _expected) gate.TrySetResult();
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
        }
        return result;
    }
}
