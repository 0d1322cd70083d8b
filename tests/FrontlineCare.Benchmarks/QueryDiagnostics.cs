using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FrontlineCare.Core;
using FrontlineCare.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace FrontlineCare.Benchmarks;

/// <summary>
/// One SQL command the portal sent, with copies of its parameters so it can be replayed, and the time it took inside
/// the call: from execution until its reader was disposed, i.e. the round trip plus reading and materialising the rows.
/// </summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public double InCallMs { get; set; }

    public NpgsqlCommand ToCommand(NpgsqlConnection conn, string prefix = "")
    {
        var cmd = new NpgsqlCommand(prefix + Sql, conn);
        foreach (var p in Parameters) cmd.Parameters.Add(p.Clone());
        return cmd;
    }

    public string DescribeParameters() => string.Join(", ", Parameters.Select(p => $"{p.ParameterName}={Describe(p.Value)}"));

    private static string Describe(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        System.Collections.ICollection c => $"[{c.Count} values]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>Records the commands EF Core executes while <see cref="Enabled"/> is set.</summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    private readonly List<CapturedCommand> _commands = [];
    private readonly Dictionary<DbCommand, (CapturedCommand Command, long Start)> _open = [];

    public bool Enabled { get; set; }

    public IReadOnlyList<CapturedCommand> Take()
    {
        var taken = _commands.ToList();
        _commands.Clear();
        return taken;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (_open.Remove(command, out var open)) open.Command.InCallMs = Stopwatch.GetElapsedTime(open.Start).TotalMilliseconds;
        return base.DataReaderDisposing(command, eventData, result);
    }

    private void Record(DbCommand command)
    {
        if (!Enabled) return;
        var captured = new CapturedCommand(command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList());
        _commands.Add(captured);
        _open[command] = (captured, Stopwatch.GetTimestamp());
    }
}

/// <summary>
/// Every command and batch Npgsql itself runs while <see cref="Enabled"/> is set, from its tracing activities: unlike
/// <see cref="CommandCapture"/> it also sees the set-based writes a service sends as an <see cref="NpgsqlBatch"/> past
/// EF Core. The time is Npgsql's own, from sending to the last row read.
/// </summary>
internal sealed class NpgsqlTrace : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<(string Sql, double Ms)> _done = [];

    public bool Enabled { get; set; }

    public NpgsqlTrace()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => Enabled ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                var sql = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement");
                if (sql is string text) lock (_done) _done.Add((text, activity.Duration.TotalMilliseconds));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<(string Sql, double Ms)> Take()
    {
        lock (_done)
        {
            var taken = _done.ToList();
            _done.Clear();
            return taken;
        }
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>
/// A context factory configured exactly like the portal's (<see cref="ServiceCollectionExtensions.Configure"/>) plus
/// the capturing interceptor; used only for the diagnostics, never for the timed runs.
/// </summary>
internal sealed class CapturingContextFactory(NpgsqlDataSource dataSource, CommandCapture capture) : IDbContextFactory<AppDbContext>
{
    private readonly DbContextOptions<AppDbContext> _options = (DbContextOptions<AppDbContext>)ServiceCollectionExtensions
        .Configure(new DbContextOptionsBuilder<AppDbContext>(), dataSource)
        .AddInterceptors(capture)
        .Options;

    public AppDbContext CreateDbContext() => new(_options);
}

/// <summary>Replays captured commands over raw Npgsql (median time, rows) and explains them.</summary>
internal static partial class QueryDiagnostics
{
    /// <summary>A statement on one line, cut at 140 characters, to group and print it.</summary>
    public static string Summary(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 140 ? oneLine : oneLine[..137] + "...";
    }

    public static async Task<(double MedianMs, int Rows)> ReplayAsync(NpgsqlDataSource dataSource, CapturedCommand command, int runs)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        var rows = 0;
        async Task Once()
        {
            await using var cmd = command.ToCommand(conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            rows = 0;
            while (await reader.ReadAsync()) rows++;
        }
        var stats = await LatencyStats.MeasureWithinAsync(Once, warmup: 3, iterations: runs, TimeSpan.FromSeconds(5), minIterations: 5);
        return (stats.P50, rows);
    }

    public static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, CapturedCommand command)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        await using var cmd = command.ToCommand(conn, "EXPLAIN (ANALYZE, BUFFERS) ");
        await using var reader = await cmd.ExecuteReaderAsync();
        var plan = new StringBuilder();
        while (await reader.ReadAsync()) plan.Append("      ").AppendLine(ShortenArrays(reader.GetString(0)));
        return plan.ToString();
    }

    /// <summary>Plans print id lists in full ('{…}'::uuid[]); a county's 61 or a city's 611 ids say nothing to a reader.</summary>
    private static string ShortenArrays(string line) => ArrayLiteral().Replace(line, m => $"'{{… {m.Value.Count(c => c == ',') + 1} values …}}'");

    [GeneratedRegex(@"'\{[^}]{100,}\}'")]
    private static partial Regex ArrayLiteral();
}
