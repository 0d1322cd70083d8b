using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Data;

/// <summary>
/// The one way to run a unit of work that begins its own transaction. The portal's contexts retry transient failures
/// (a dropped connection, a restarting or failing-over server: EF's Npgsql execution strategy), and a retrying strategy
/// cannot retry half a user-initiated transaction; so the whole unit of work runs under the strategy and, after a
/// transient failure, runs again from its first line: it opens its own context(s) from the factory and reads again
/// everything it decides on, so a retry is as safe as a second click.
/// </summary>
public static class Retrying
{
    /// <summary>
    /// Runs <paramref name="work"/> under the execution strategy, retrying it whole after a transient failure. Contexts
    /// and transactions that the work opens itself (from the same factory) run inside it; nested calls run once, inside
    /// the outer retry.
    /// </summary>
    public static async Task<T> RetryingAsync<T>(this IDbContextFactory<AppDbContext> factory, Func<Task<T>> work, CancellationToken ct = default)
    {
        // This context only lends its strategy: it opens no connection. The strategy marks the async flow as executing,
        // so the work's own contexts run their commands without a strategy of their own (and may begin transactions).
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(_ => work(), ct);
    }
}
