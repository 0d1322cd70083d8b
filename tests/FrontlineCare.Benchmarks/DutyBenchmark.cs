using System.Diagnostics;
using System.Globalization;
using FrontlineCare.Core;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Data.Interceptors;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.PolicyProfiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static FrontlineCare.Benchmarks.BenchSteps;

namespace FrontlineCare.Benchmarks;

/// <summary>
/// Issue #3 at province scale: 30 days of duty for every seeded worker (30,000,000 rows at a million workers),
/// bulk-loaded in SQL, then two goals measured through the portal's own services. The scheduled B2 sweep
/// (<see cref="OverloadSweep"/>) must cover all of it in ≤ 60 s; it is timed next to a plain <c>count(*)</c> of
/// the same table in the same run, so that the ratio can be compared across machines. Saving one week's duty grid
/// for 50 people (<see cref="DutyService.SaveWeekAsync"/>) must take ≤ 200 ms at p95. Unless <c>--no-explain</c> is
/// given, it also shows where one save's time goes.
/// </summary>
internal sealed class DutyBenchmark(IServiceProvider services, NpgsqlDataSource dataSource, DateOnly today, bool explain, CancellationToken ct)
{
    private const int Days = 30;
    private const int GridPeople = 50;
    /// <summary>The post of the measured grid. Only the 50 grid people are deployed there, so the grid has exactly their rows.</summary>
    private const string GridPlace = "基准测试卡口";
    /// <summary>The post of the deployments added so that every duty row lies inside a deployment, as the grid requires.</summary>
    private const string DutyPlace = "基准值守点";
    private const double SweepLimitSeconds = 60;
    private const double SaveP95LimitMs = 200;
    private const int CountRuns = 3;
    private const int SaveWarmup = 5;
    private const int SaveIterations = 50;
    private const int DiagnosticSaves = 10;

    /// <summary>
    /// Hours of worker-plan row <c>p</c> on day index <c>@d</c> (0 = 29 days ago), from <c>h</c>, a hash of the worker
    /// id in 0..999. Planted overloads, one finding per worker: h &lt; 20 never rests (30 consecutive days, limit 13);
    /// h 20–29 works one 14-hour shift (limit 12) on a day that is never a rest day, so that the day cannot also
    /// make a 7-day window exceed 60 hours or a run exceed 13 days; h 35–39 works 11 hours (66 hours in every 7 days,
    /// limit 60). h 30–34 works 10 hours, exactly the 60-hour limit, which is allowed. Everyone else works 8 hours.
    /// Everyone but h &lt; 20 rests one day in seven. Rest days are stored as 0-hour rows, which the grid never
    /// stores (it deletes a cell set to 0), so the table is as large as 30 rows per worker make it.
    /// </summary>
    private const string HoursSql = """
        CASE WHEN p.h BETWEEN 20 AND 29 AND @d BETWEEN 14 AND 20 AND (@d + p.h) % 7 = 3 THEN 14
             WHEN p.h >= 20 AND (@d + p.h) % 7 = 0 THEN 0
             WHEN p.h BETWEEN 30 AND 34 THEN 10
             WHEN p.h BETWEEN 35 AND 39 THEN 11
             ELSE 8 END
        """;

    /// <summary>Workers whose hours pattern plants exactly one B2 finding (see <see cref="HoursSql"/>).</summary>
    private const string PlantedSql = "p.h < 30 OR p.h BETWEEN 35 AND 39";

    /// <summary>The duty window's deployments, every one clipped to the window: the input of the bulk load.</summary>
    private const string PlanSql = """
        CREATE TEMP TABLE duty_plan AS
        SELECT d.worker_id, d.id AS deployment_id, d.risk_class = 'I' AS high_risk,
               greatest(d.start_date, @from) AS first_day, least(coalesce(d.end_date, @to), @to) AS last_day,
               dense_rank() OVER (ORDER BY d.worker_id) - 1 AS wn,
               abs(hashtext(d.worker_id::text)::bigint) % 1000 AS h
        FROM deployments d
        WHERE d.start_date <= @to AND (d.end_date IS NULL OR d.end_date >= @from)
        """;

    private sealed record SweepRun(string Name, OverloadSweepResult Result, TimeSpan Wall);

    private sealed record DutyData(long Rows, long Workers, long Planted, List<Guid> GridDeployments, string GridUnit);

    public async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine("## Duty and overload sweep (issue #3)");
        Console.WriteLine();
        Console.WriteLine($"Machine load at start: {MachineInfo.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine($"### Loading {Days} days of duty per worker (set-based SQL, the way a bulk import would)");
        Console.WriteLine();
        var data = await LoadDutyAsync();

        Console.WriteLine();
        Console.WriteLine("### Overload sweep (OverloadSweep.RunAsync) against count(*) of the same table");
        Console.WriteLine();
        Console.WriteLine($"Machine load before: {MachineInfo.LoadAverage()}");
        var counts = new List<double>(CountRuns);
        for (var i = 0; i < CountRuns; i++)
        {
            var sw = Stopwatch.StartNew();
            var rows = await ScalarOnNewConnectionAsync<long>("SELECT count(*) FROM duty_logs");
            counts.Add(sw.Elapsed.TotalSeconds);
            Console.WriteLine($"  count(*) run {i + 1}: {rows:N0} rows in {sw.Elapsed.TotalSeconds:F2} s");
        }
        var countMedian = LatencyStats.Percentile(counts.Order().ToArray(), 0.5);
        Console.WriteLine($"  count(*) plan: {string.Join(" / ", await ExplainCountAsync())}");

        var sweep = services.GetRequiredService<OverloadSweep>();
        var first = await SweepAsync(sweep, "1st run (opens cases)", countMedian);
        var second = await SweepAsync(sweep, "2nd run (steady state)", countMedian);
        Console.WriteLine($"Machine load after:  {MachineInfo.LoadAverage()}");

        Console.WriteLine();
        Console.WriteLine($"### Saving one week's grid for {GridPeople} people (DutyService.SaveWeekAsync)");
        Console.WriteLine();
        var save = await MeasureSaveAsync(data);

        PrintGoals(data, countMedian, first, second, save);
    }

    // ---- loading ---------------------------------------------------------------------------------------

    /// <summary>
    /// Deploys 50 undeployed workers of one unit at the grid's post; gives every other worker a deployment for each
    /// day of the window they are not deployed on; then inserts 30 rows per worker, one statement per day (so the
    /// table is in day order, as daily entry leaves it), with the two secondary indexes and the foreign key dropped
    /// and recreated afterwards from their own definitions. Finally VACUUM ANALYZE, so that neither hint-bit writes
    /// nor an autovacuum of the fresh rows fall into the timings.
    /// </summary>
    private async Task<DutyData> LoadDutyAsync()
    {
        var from = today.AddDays(-(Days - 1));
        await using var conn = await dataSource.OpenConnectionAsync(ct);

        var (gridUnitId, gridUnit, free) = await Step("pick the grid's unit", async () =>
        {
            await using var cmd = Command(conn, """
                SELECT u.id, u.name, count(*) FROM workers w JOIN units u ON u.id = w.unit_id
                WHERE NOT EXISTS (SELECT 1 FROM deployments d WHERE d.worker_id = w.id)
                GROUP BY u.id, u.name, u.kind HAVING count(*) >= @people
                ORDER BY u.kind = 'Community' DESC, count(*) DESC LIMIT 1
                """, ("people", GridPeople));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"No unit has {GridPeople} workers without a deployment.");
            return (reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2));
        });
        var grid = await Step($"deploy {GridPeople} of them at the grid's post", async () =>
        {
            await using var cmd = Command(conn, """
                INSERT INTO deployments (id, worker_id, post_kind, place, start_date, end_date, risk_class, created_at, updated_at)
                SELECT gen_random_uuid(), w.id, 'Checkpoint', @place, @start, NULL, 'II', now(), now()
                FROM (SELECT w.id FROM workers w
                      WHERE w.unit_id = @unit AND NOT EXISTS (SELECT 1 FROM deployments d WHERE d.worker_id = w.id)
                      ORDER BY w.id LIMIT @people) w
                RETURNING id
                """, ("place", GridPlace), ("start", today.AddDays(-60)), ("unit", gridUnitId), ("people", GridPeople));
            var ids = new List<Guid>(GridPeople);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
            return ids;
        });
        Console.WriteLine($"    grid post {GridPlace}: {grid.Count} workers of {gridUnit} ({free:N0} without a deployment there)");

        // The seeded deployments that reach into the window all run to today; one that starts inside the window
        // gets a deployment before it, and a worker without any gets one for the whole window.
        var before = await Step("deployments before a current one", () => ExecuteAsync(conn, """
            INSERT INTO deployments (id, worker_id, post_kind, place, start_date, end_date, risk_class, created_at, updated_at)
            SELECT gen_random_uuid(), d.worker_id, 'Checkpoint', @place, @from, min(d.start_date) - 1, 'II', now(), now()
            FROM deployments d
            WHERE d.start_date <= @to AND (d.end_date IS NULL OR d.end_date >= @from)
            GROUP BY d.worker_id HAVING min(d.start_date) > @from
            """, ct, ("place", DutyPlace), ("from", from), ("to", today)));
        var whole = await Step("deployments for the whole window", () => ExecuteAsync(conn, """
            INSERT INTO deployments (id, worker_id, post_kind, place, start_date, end_date, risk_class, created_at, updated_at)
            SELECT gen_random_uuid(), w.id, 'Checkpoint', @place, @from, @to, 'II', now(), now()
            FROM workers w
            WHERE NOT EXISTS (SELECT 1 FROM deployments d
                              WHERE d.worker_id = w.id AND d.start_date <= @to AND (d.end_date IS NULL OR d.end_date >= @from))
            """, ct, ("place", DutyPlace), ("from", from), ("to", today)));
        Console.WriteLine($"    added {before:N0} deployments before a current one and {whole:N0} for the whole window ({from:yyyy-MM-dd} – {today:yyyy-MM-dd})");

        var (workers, planted) = await Step("plan (deployment per worker and day)", async () =>
        {
            await ExecuteAsync(conn, PlanSql, ct, ("from", from), ("to", today));
            await using var cmd = Command(conn, $"SELECT count(DISTINCT worker_id), count(DISTINCT worker_id) FILTER (WHERE {PlantedSql}) FROM duty_plan p");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return (reader.GetInt64(0), reader.GetInt64(1));
        });

        var indexes = await Step("drop 2 indexes and the FK", async () =>
        {
            await using var cmd = Command(conn, """
                SELECT pg_get_indexdef('ix_duty_logs_deployment_id_day'::regclass), pg_get_indexdef('ix_duty_logs_worker_id_day'::regclass),
                       (SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'fk_duty_logs_deployments_deployment_id')
                """);
            string[] definitions;
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                definitions = [reader.GetString(0), reader.GetString(1), reader.GetString(2)];
            }
            await ExecuteAsync(conn, "ALTER TABLE duty_logs DROP CONSTRAINT fk_duty_logs_deployments_deployment_id", ct);
            await ExecuteAsync(conn, "DROP INDEX ix_duty_logs_deployment_id_day, ix_duty_logs_worker_id_day", ct);
            return definitions;
        });

        var rows = await Step($"INSERT … SELECT, {Days} statements (one per day)", async () =>
        {
            var inserted = 0L;
            for (var d = 0; d < Days; d++)
            {
                var day = from.AddDays(d);
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(20, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
                inserted += await ExecuteAsync(conn, $"""
                    INSERT INTO duty_logs (id, deployment_id, worker_id, day, hours, high_risk, created_at, updated_at)
                    SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(@d * @workers + p.wn), 12, '0'))::uuid,
                           p.deployment_id, p.worker_id, @day, {HoursSql}, p.high_risk, @at, @at
                    FROM duty_plan p WHERE @day BETWEEN p.first_day AND p.last_day
                    """, ct, ("d", d), ("workers", workers), ("day", day), ("at", at));
            }
            return inserted;
        });
        await Step("CREATE UNIQUE INDEX ix_duty_logs_deployment_id_day", () => ExecuteAsync(conn, indexes[0], ct));
        await Step("CREATE INDEX ix_duty_logs_worker_id_day", () => ExecuteAsync(conn, indexes[1], ct));
        await Step("ADD CONSTRAINT fk_duty_logs_deployments_deployment_id", () => ExecuteAsync(conn,
            "ALTER TABLE duty_logs ADD CONSTRAINT fk_duty_logs_deployments_deployment_id " + indexes[2], ct));
        await Step("VACUUM ANALYZE duty_logs, deployments, forced_rest_cases", () =>
            ExecuteAsync(conn, "VACUUM ANALYZE duty_logs, deployments, forced_rest_cases", ct));
        await ExecuteAsync(conn, "DROP TABLE duty_plan", ct);

        await using (var sizes = Command(conn,
            "SELECT pg_size_pretty(pg_table_size('duty_logs')), pg_size_pretty(pg_indexes_size('duty_logs')), (SELECT count(*) FROM deployments)"))
        await using (var reader = await sizes.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            Console.WriteLine($"  in the database: {rows:N0} duty rows of {workers:N0} workers ({reader.GetString(0)} table + " +
                              $"{reader.GetString(1)} indexes), {reader.GetInt64(2):N0} deployments; {planted:N0} workers with a planted overload");
        }
        if (grid.Count != GridPeople) throw new InvalidOperationException($"Only {grid.Count} grid deployments were created.");
        return new DutyData(rows, workers, planted, grid, gridUnit);
    }

    // ---- sweep -----------------------------------------------------------------------------------------

    private async Task<SweepRun> SweepAsync(OverloadSweep sweep, string name, double countSeconds)
    {
        var sw = Stopwatch.StartNew();
        var result = await sweep.RunAsync(ct);
        var run = new SweepRun(name, result, sw.Elapsed);
        if (!result.Ran) throw new InvalidOperationException("The sweep did not run: another sweep held its advisory lock.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sweep {name,-24} {run.Wall.TotalSeconds,7:F1} s = {run.Wall.TotalSeconds / countSeconds,5:F1}× count(*)  " +
            $"findings {result.Findings:N0}, cases opened {result.CasesOpened:N0}, extended {result.CasesExtended:N0}"));
        return run;
    }

    /// <summary>The plan nodes of the count(*), to tell a parallel sequential scan from an index-only scan.</summary>
    private async Task<List<string>> ExplainCountAsync()
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = Command(conn, "EXPLAIN SELECT count(*) FROM duty_logs");
        var nodes = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var line = reader.GetString(0).Trim().TrimStart('-', '>', ' ');
            var cost = line.IndexOf("  (", StringComparison.Ordinal);
            if (cost > 0) nodes.Add(line[..cost]);
        }
        return nodes;
    }

    // ---- grid save -------------------------------------------------------------------------------------

    /// <summary>
    /// The last full week (so no day is in the future), every cell set, alternately to 8 and to 9 hours so that
    /// every call updates all 350 rows. Nine hours a day is 63 hours in 7 days, a B2 finding for each of the 50: the
    /// first such save opens (or extends) their cases during the warm-up, later ones find them open and unchanged.
    /// </summary>
    private async Task<LatencyStats> MeasureSaveAsync(DutyData data)
    {
        var duty = services.GetRequiredService<DutyService>();
        var key = new DutyWeekKey(GridPlace, DutyService.WeekStartOf(today).AddDays(-7));
        var week = await duty.GetWeekAsync(key, ct);
        if (week.Rows.Count != GridPeople)
            throw new InvalidOperationException($"The grid of {GridPlace}, week of {key.WeekStart:yyyy-MM-dd}, has {week.Rows.Count} rows, not {GridPeople}.");
        Console.WriteLine($"Grid: {GridPlace}, week of {key.WeekStart:yyyy-MM-dd}, {week.Rows.Count} people of {data.GridUnit} × 7 days; " +
                          $"{SaveWarmup} warm-up saves, then {SaveIterations} timed, hours alternating 8 / 9.");

        var hours = 9m;
        async Task SaveOnceAsync(DutyService service)
        {
            hours = hours == 8 ? 9 : 8;
            var rows = data.GridDeployments.Select(id => new DutyRowForm(id, Enumerable.Repeat<decimal?>(hours, 7).ToArray())).ToList();
            var result = await service.SaveWeekAsync(new DutyWeekForm(key, rows), ct);
            if (!result.IsOk)
            {
                var errors = string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Field}: {e.Message}"));
                throw new InvalidOperationException($"SaveWeekAsync returned {result.Status}: {result.Message} {errors}");
            }
        }

        Console.WriteLine($"Machine load before: {MachineInfo.LoadAverage()}");
        var stats = await LatencyStats.MeasureAsync(() => SaveOnceAsync(duty), SaveWarmup, SaveIterations);
        Console.WriteLine($"Machine load after:  {MachineInfo.LoadAverage()}");

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var saved = await ScalarAsync<long>(conn,
            "SELECT count(*) FROM duty_logs WHERE deployment_id = ANY(@ids) AND day BETWEEN @from AND @to AND hours = @hours", ct,
            ("ids", data.GridDeployments.ToArray()), ("from", key.WeekStart), ("to", key.WeekStart.AddDays(6)), ("hours", hours));
        var open = await ScalarAsync<long>(conn, """
            SELECT count(*) FROM forced_rest_cases c JOIN deployments d ON d.worker_id = c.worker_id
            WHERE d.id = ANY(@ids) AND c.status IN ('Open', 'RestScheduled')
            """, ct, ("ids", data.GridDeployments.ToArray()));
        if (saved != GridPeople * 7)
            throw new InvalidOperationException($"After the last save {saved} cells hold {hours} hours, not {GridPeople * 7}.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  n {stats.Count}  mean {stats.Mean:F1} ms  p50 {stats.P50:F1} ms  p95 {stats.P95:F1} ms  max {stats.Max:F1} ms; " +
            $"after the last save all {saved} cells hold {hours} h and {open} of the {GridPeople} have an open case"));
        if (explain) await DiagnoseSaveAsync(SaveOnceAsync);
        return stats;
    }

    /// <summary>
    /// The SQL of <see cref="DiagnosticSaves"/> more saves (half at 8, half at 9 hours) on a context factory configured
    /// like the portal's, its audit interceptor included: every command and batch as Npgsql traces it, grouped by
    /// statement, with how many each save sends and their time; the rest of the call is EF Core and the service.
    /// EXPLAIN (ANALYZE, BUFFERS) of every EF Core query that takes ≥ 10 ms.
    /// </summary>
    private async Task DiagnoseSaveAsync(Func<DutyService, Task> save)
    {
        var capture = new CommandCapture();
        var options = (DbContextOptions<AppDbContext>)ServiceCollectionExtensions
            .Configure(new DbContextOptionsBuilder<AppDbContext>(), services.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(services.GetRequiredService<AuditInterceptor>(), capture)
            .Options;
        var diagnostic = new DutyService(new OptionsContextFactory(options), services.GetRequiredService<PolicyProfileService>(),
            services.GetRequiredService<ICurrentUser>(), TimeProvider.System, NullLogger<DutyService>.Instance);

        var totals = new List<double>(DiagnosticSaves);
        var commands = new List<CapturedCommand>();
        var sent = new List<(string Sql, double Ms)>();
        using var trace = new NpgsqlTrace();
        for (var i = 0; i < DiagnosticSaves; i++)
        {
            capture.Enabled = trace.Enabled = true;
            var start = Stopwatch.GetTimestamp();
            await save(diagnostic);
            totals.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            capture.Enabled = trace.Enabled = false;
            commands.AddRange(capture.Take());
            sent.AddRange(trace.Take());
        }

        // The table is Npgsql's view (every command and batch, the set-based writes past EF Core included); the
        // EXPLAINs below replay what EF Core sent, with its parameters.
        var mean = totals.Average();
        var inSql = sent.Sum(c => c.Ms) / DiagnosticSaves;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Where one save's time goes (mean of {DiagnosticSaves} saves, {mean:F1} ms each): {sent.Count / (double)DiagnosticSaves:F1} SQL commands or batches, " +
            $"{inSql:F1} ms in them, {mean - inSql:F1} ms outside them (EF Core, the service)"));
        Console.WriteLine("  per save   ms/save  SQL");
        foreach (var g in sent.GroupBy(c => QueryDiagnostics.Summary(c.Sql)).OrderByDescending(g => g.Sum(c => c.Ms)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {g.Count() / (double)DiagnosticSaves,8:F1} {g.Sum(c => c.Ms) / DiagnosticSaves,9:F2}  {g.Key}"));
        }
        var groups = commands.GroupBy(c => QueryDiagnostics.Summary(c.Sql)).ToList();
        foreach (var g in groups.Where(g => g.Key.StartsWith("SELECT", StringComparison.Ordinal) && g.Average(c => c.InCallMs) >= 10))
        {
            var command = g.First();
            Console.WriteLine();
            Console.WriteLine($"  {g.Average(c => c.InCallMs):F1} ms per call, parameters: {command.DescribeParameters()}");
            foreach (var line in command.Sql.Split('\n')) Console.WriteLine("      " + line.TrimEnd());
            Console.Write(await QueryDiagnostics.ExplainAsync(dataSource, command));
        }
    }


    private sealed class OptionsContextFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }

    // ---- report ----------------------------------------------------------------------------------------

    private static void PrintGoals(DutyData data, double countSeconds, SweepRun first, SweepRun second, LatencyStats save)
    {
        Console.WriteLine();
        Console.WriteLine("### Goals (issue #3)");
        Console.WriteLine();
        Console.WriteLine("| Goal | Target | Measured | Result |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var run in new[] { first, second })
        {
            Goal($"overload sweep over {data.Rows:N0} duty rows ({data.Workers:N0} workers × {Days} days), {run.Name}",
                $"≤ {SweepLimitSeconds:F0} s",
                string.Create(CultureInfo.InvariantCulture,
                    $"{run.Wall.TotalSeconds:F1} s = {run.Wall.TotalSeconds / countSeconds:F1}× count(*) ({countSeconds:F2} s, median of {CountRuns})"),
                run.Wall.TotalSeconds <= SweepLimitSeconds);
        }
        Goal("  the sweep finds the planted overloads (one per worker)", $"{data.Planted:N0} findings, {data.Planted:N0} opened, then 0 opened",
            $"{first.Result.Findings:N0} findings, {first.Result.CasesOpened:N0} opened; then {second.Result.Findings:N0} findings, {second.Result.CasesOpened:N0} opened, {second.Result.CasesExtended:N0} extended",
            first.Result.Findings == data.Planted && first.Result.CasesOpened == data.Planted
            && second.Result.CasesOpened == 0 && second.Result.CasesExtended == 0);
        Goal($"save one week's grid for {GridPeople} people, p95", $"≤ {SaveP95LimitMs:F0} ms",
            string.Create(CultureInfo.InvariantCulture, $"p95 {save.P95:F1} ms (mean {save.Mean:F1}, p50 {save.P50:F1}, max {save.Max:F1}; n {save.Count})"),
            save.P95 <= SaveP95LimitMs);
    }

    private async Task<T> ScalarOnNewConnectionAsync<T>(string sql)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await ScalarAsync<T>(conn, sql, ct);
    }
}
