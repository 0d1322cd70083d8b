using System.Diagnostics;
using Npgsql;

namespace FrontlineCare.Benchmarks;

/// <summary>What the scenario benchmarks share: timed loading steps, bulk commands, and the goal table's rows.</summary>
internal static class BenchSteps
{
    public static async Task<T> Step<T>(string name, Func<Task<T>> action)
    {
        var sw = Stopwatch.StartNew();
        var result = await action();
        Console.WriteLine($"  {name,-62} {sw.Elapsed.TotalSeconds,8:F1} s");
        return result;
    }

    /// <summary>A command without a timeout: the bulk steps take minutes.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    public static async Task<long> ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(conn, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(conn, sql, parameters);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public static void Goal(string goal, string target, string measured, bool pass) =>
        Console.WriteLine($"| {goal} | {target} | {measured} | {(pass ? "PASS" : "FAIL")} |");
}
