using System.Diagnostics;
using System.Globalization;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Workers;
using Npgsql;

namespace FrontlineCare.Benchmarks;

/// <summary>
/// The worker list (WorkerService.ListAsync, the portal's own code path) measured on the seeded database: latency
/// per scenario, throughput against the raw-Npgsql peer, the G4-derived goals, and — for the diagnosis — the SQL
/// each call sends, replayed and explained.
/// </summary>
internal sealed class ListBenchmark(
    WorkerService portal,
    WorkerService diagnosticPortal,
    CommandCapture capture,
    EfPageQueries ef,
    RawWorkerQueries raw,
    NpgsqlDataSource dataSource,
    SeedResult seed,
    BenchOptions options,
    CancellationToken ct)
{
    private const int PageSize = 20;
    private const double P95LimitMs = 50;
    private const double DeepToFirstLimit = 1.5;
    private const double ThroughputShareLimit = 0.60;
    /// <summary>Time allowed per latency scenario; slower scenarios get fewer calls (at least 30).</summary>
    private static readonly TimeSpan ScenarioBudget = TimeSpan.FromSeconds(25);
    private const int MinIterations = 30;
    private const int ReplayRuns = 15;
    private const int DiagnosticCalls = 15;

    private sealed record Throughput(double Portal, double EfAlone, double Raw);

    private sealed record Scenario(string Name, string Filter, long Rows, WorkerQuery Query, bool Goal);

    private sealed record Measured(string Name, string Filter, long Rows, LatencyStats Stats, bool Goal);

    private sealed record Contender(string Name, string Filter, long Rows, Func<Task> Call, bool Goal);

    public async Task RunAsync()
    {
        var total = await ScalarAsync("SELECT count(*) FROM workers");
        var targetPage = (int)Math.Clamp(total / 2 / PageSize, 2, 5_000); // 1-based; 5,000 at a million workers
        var skipped = (targetPage - 1) * PageSize;
        var (cursorName, cursorId) = await RowAtAsync(skipped);
        var cursor = new Cursor(cursorName, null, cursorId).Encode();
        await CheckDeepPageAsync(cursor, targetPage, skipped);

        var three = await MatchesAsync(seed.ThreeCharName);
        var two = await MatchesAsync(seed.TwoCharName);
        var surname = seed.TwoCharName[..1];
        var one = await MatchesAsync(surname);
        var root = new WorkerQuery { PageSize = PageSize };
        Scenario[] scenarios =
        [
            new("first page (sort by name)", "whole province", total, root, true),
            new($"page {targetPage:N0}, keyset (After cursor)", $"after row {skipped:N0}", total, root with { After = cursor }, true),
            new($"page {targetPage:N0}, OFFSET (Page={targetPage - 1:N0}) *", $"skips {skipped:N0} rows", total, root with { Page = targetPage - 1 }, false),
            new("name search, 3-char name", $"'{seed.ThreeCharName}'", three, root with { Search = seed.ThreeCharName }, true),
            new("name search, 2-char name (prefix)", $"'{seed.TwoCharName}'", two, root with { Search = seed.TwoCharName }, true),
            new("name search, surname (1 char, prefix)", $"'{surname}'", one, root with { Search = surname }, true),
            new("ID search (full 18 digits)", seed.NationalId, 1, root with { Search = seed.NationalId }, true),
            new("unit subtree: county", $"{seed.County.Name}, {seed.County.Units:N0} units", seed.County.Workers, root with { UnitId = seed.County.Id }, true),
            new("unit subtree: community", $"{seed.Community.Name}, 1 unit", seed.Community.Workers, root with { UnitId = seed.Community.Id }, true),
            new("unit subtree: city", $"{seed.City.Name}, {seed.City.Units:N0} units", seed.City.Workers, root with { UnitId = seed.City.Id }, true),
        ];

        Console.WriteLine();
        Console.WriteLine($"Warming up (JIT, pools, caches)…");
        for (var i = 0; i < 100; i++)
        {
            await ListOnceAsync(root);
            await raw.FirstPageAsync(PageSize, ct);
        }

        // Every contender is timed in the same rounds (one call each per round), so that load from anything else on
        // the machine falls on all of them alike instead of on whichever scenario happened to run at the time.
        Contender[] contenders =
        [
            .. scenarios.Select(sc => new Contender("portal: " + sc.Name, sc.Filter, sc.Rows, () => ListOnceAsync(sc.Query), sc.Goal)),
            new("raw Npgsql: first page + capped total", "whole province", total, RawFirstAsync, false),
            new($"raw Npgsql: page {targetPage:N0}, keyset", $"after row {skipped:N0}", total, () => RawAfterAsync(cursorName, cursorId), false),
        ];
        Console.WriteLine($"Measuring latency: {options.Warmup} warm-up calls, then {options.Iterations} timed calls per contender in interleaved " +
                          $"rounds, one call at a time, page size {PageSize}; a contender slower than {ScenarioBudget.TotalSeconds:F0} s / " +
                          $"{options.Iterations} calls gets fewer calls (at least {MinIterations}).");
        Console.WriteLine($"Machine load before: {MachineInfo.LoadAverage()}");
        var results = await MeasureInterleavedAsync(contenders);
        foreach (var r in results) Console.WriteLine($"  {r.Name,-50} n {r.Stats.Count,4}  p50 {r.Stats.P50,8:F2} ms  p95 {r.Stats.P95,8:F2} ms");

        Console.WriteLine($"Measuring throughput: {options.ThroughputQueries:N0} sequential queries per contender, " +
                          "portal, EF page query alone and raw Npgsql alternating in 8 rounds.");
        var firstTp = await ThroughputAsync(
            () => ListOnceAsync(root),
            async () => Check(await ef.FirstPageAsync(PageSize, ct), "EF first page"),
            async () => Check(await raw.FirstPageAsync(PageSize, ct), "raw first page"));
        var deepTp = await ThroughputAsync(
            () => ListOnceAsync(root with { After = cursor }),
            async () => Check(await ef.AfterAsync(cursorName, cursorId, PageSize, ct), "EF deep page"),
            async () => Check(await raw.AfterAsync(cursorName, cursorId, PageSize, ct), "raw deep page"));
        Console.WriteLine($"Machine load after:  {MachineInfo.LoadAverage()}");

        PrintLatency(results);
        PrintThroughput(targetPage, firstTp, deepTp);
        PrintGoals(results, scenarios, firstTp, deepTp);

        if (options.Explain) await DiagnoseAsync(scenarios, results);
    }

    /// <summary>
    /// Three probe calls per contender decide its number of timed calls (fewer for the slow ones); the fast ones get
    /// the rest of their warm-up; then round after round, every contender that still needs samples is called once.
    /// </summary>
    private async Task<List<Measured>> MeasureInterleavedAsync(Contender[] contenders)
    {
        const int probes = 3;
        var counts = new int[contenders.Length];
        for (var c = 0; c < contenders.Length; c++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < probes; i++) await contenders[c].Call();
            var perCall = Stopwatch.GetElapsedTime(start) / probes;
            counts[c] = Math.Clamp((int)(ScenarioBudget / perCall), Math.Min(MinIterations, options.Iterations), options.Iterations);
            if (counts[c] == options.Iterations)
            {
                for (var i = probes; i < options.Warmup; i++) await contenders[c].Call();
            }
        }

        var samples = counts.Select(n => new List<double>(n)).ToArray();
        for (var round = 0; round < counts.Max(); round++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                if (round >= counts[c]) continue;
                var start = Stopwatch.GetTimestamp();
                await contenders[c].Call();
                samples[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        return contenders.Select((c, i) => new Measured(c.Name, c.Filter, c.Rows, LatencyStats.From(samples[i]), c.Goal)).ToList();
    }

    // ---- calls -----------------------------------------------------------------------------------------

    private async Task ListOnceAsync(WorkerQuery query)
    {
        var result = await portal.ListAsync(query, ct);
        if (!result.IsOk || result.Value!.Items.Count == 0)
            throw new InvalidOperationException($"ListAsync returned {result.Status} with {result.Value?.Items.Count ?? 0} rows for {query}.");
    }

    private async Task RawFirstAsync() => Check(await raw.FirstPageAsync(PageSize, ct), "raw first page");

    private async Task RawAfterAsync(string name, Guid id) => Check(await raw.AfterAsync(name, id, PageSize, ct), "raw deep page");

    private static void Check(List<WorkerListItem> rows, string what)
    {
        if (rows.Count != PageSize) throw new InvalidOperationException($"{what} returned {rows.Count} rows instead of {PageSize}.");
    }

    /// <summary>Queries per second of each contender, run in alternating rounds so that drift hits all alike.</summary>
    private async Task<Throughput> ThroughputAsync(Func<Task> portalCall, Func<Task> efCall, Func<Task> rawCall)
    {
        const int rounds = 8;
        var perRound = Math.Max(1, options.ThroughputQueries / rounds);
        TimeSpan portalTime = default, efTime = default, rawTime = default;
        for (var r = 0; r < rounds; r++)
        {
            portalTime += await LoopAsync(portalCall, perRound);
            efTime += await LoopAsync(efCall, perRound);
            rawTime += await LoopAsync(rawCall, perRound);
        }
        var queries = perRound * rounds;
        return new Throughput(queries / portalTime.TotalSeconds, queries / efTime.TotalSeconds, queries / rawTime.TotalSeconds);
    }

    private static async Task<TimeSpan> LoopAsync(Func<Task> call, int count)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++) await call();
        return Stopwatch.GetElapsedTime(start);
    }

    // ---- set-up queries --------------------------------------------------------------------------------

    private async Task<long> ScalarAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddRange(parameters);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Rows a name search matches, as the service searches: a prefix below three characters, else anywhere.</summary>
    private Task<long> MatchesAsync(string term) => term.Length < WorkerService.ShortNameSearch
        ? ScalarAsync("SELECT count(*) FROM workers WHERE full_name LIKE @p", new NpgsqlParameter("p", term + "%"))
        : ScalarAsync("SELECT count(*) FROM workers WHERE full_name ILIKE @p", new NpgsqlParameter("p", "%" + term + "%"));

    /// <summary>The sort key of the row at 1-based <paramref name="position"/> of the name order.</summary>
    private async Task<(string Name, Guid Id)> RowAtAsync(int position)
    {
        await using var cmd = dataSource.CreateCommand("SELECT full_name, id FROM workers ORDER BY full_name, id OFFSET @skip LIMIT 1");
        cmd.Parameters.AddWithValue("skip", position - 1);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"No row at position {position}.");
        return (reader.GetString(0), reader.GetGuid(1));
    }

    /// <summary>The keyset page after row N and the OFFSET page that skips N rows must be the same rows.</summary>
    private async Task CheckDeepPageAsync(string cursor, int targetPage, int skipped)
    {
        var byCursor = await portal.ListAsync(new WorkerQuery { PageSize = PageSize, After = cursor }, ct);
        var byOffset = await portal.ListAsync(new WorkerQuery { PageSize = PageSize, Page = targetPage - 1 }, ct);
        var a = byCursor.Value!.Items.Select(i => i.Id).ToList();
        var b = byOffset.Value!.Items.Select(i => i.Id).ToList();
        if (a.Count != PageSize || !a.SequenceEqual(b))
            throw new InvalidOperationException("The keyset page and the OFFSET page differ: the benchmark would compare different pages.");
        Console.WriteLine($"Deep page: page {targetPage:N0} = rows {skipped + 1:N0}–{skipped + PageSize:N0}; keyset (After) and OFFSET return the same {PageSize} rows.");
    }

    // ---- report ----------------------------------------------------------------------------------------

    private static void PrintLatency(List<Measured> results)
    {
        Console.WriteLine();
        Console.WriteLine("## Latency (ms, wall clock per call, sequential)");
        Console.WriteLine();
        Console.WriteLine("| Scenario | Rows in filter | n | mean | p50 | p95 | max | Filter |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Rows:N0} | {r.Stats.Count} | {r.Stats.Mean:F2} | {r.Stats.P50:F2} | {r.Stats.P95:F2} | {r.Stats.Max:F2} | {r.Filter} |"));
        }
        Console.WriteLine();
        Console.WriteLine("\\* contrast only, not a goal: a direct jump by page number (OFFSET) instead of the cursor.");
    }

    private static void PrintThroughput(int targetPage, Throughput first, Throughput deep)
    {
        Console.WriteLine();
        Console.WriteLine("## Throughput (queries/s, sequential, one call at a time)");
        Console.WriteLine();
        Console.WriteLine("| Query | portal (ListAsync) | EF page query alone | raw Npgsql (peer) | portal / raw | EF alone / raw |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, t) in new[] { ("first page", first), ($"page {targetPage:N0} (keyset)", deep) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {t.Portal:N0} | {t.EfAlone:N0} | {t.Raw:N0} | {t.Portal / t.Raw:P1} | {t.EfAlone / t.Raw:P1} |"));
        }
    }

    private static void PrintGoals(List<Measured> results, Scenario[] scenarios, Throughput first, Throughput deep)
    {
        Console.WriteLine();
        Console.WriteLine("## Goals");
        Console.WriteLine();
        Console.WriteLine("| Goal | Target | Measured | Result |");
        Console.WriteLine("|---|---|---|---|");
        var goalResults = results.Where(r => r.Goal).ToList();
        var slow = goalResults.Where(r => r.Stats.P95 > P95LimitMs).ToList();
        var worst = goalResults.MaxBy(r => r.Stats.P95)!;
        Goal("every portal p95 ≤ 50 ms", $"≤ {P95LimitMs:F0} ms",
            slow.Count == 0
                ? $"worst {worst.Stats.P95:F1} ms ({worst.Name})"
                : string.Join("; ", slow.Select(r => $"{r.Name}: {r.Stats.P95:F1} ms")),
            slow.Count == 0);
        foreach (var r in goalResults)
            Goal($"  p95 {r.Name}", $"≤ {P95LimitMs:F0} ms", $"{r.Stats.P95:F2} ms", r.Stats.P95 <= P95LimitMs);

        var firstP95 = results.Single(r => r.Name == "portal: " + scenarios[0].Name).Stats.P95;
        var deepP95 = results.Single(r => r.Name == "portal: " + scenarios[1].Name).Stats.P95;
        Goal("deep page p95 within 1.5× first page p95", $"≤ {DeepToFirstLimit:F1}×",
            $"{deepP95:F2} / {firstP95:F2} ms = {deepP95 / firstP95:F2}×", deepP95 <= DeepToFirstLimit * firstP95);

        Goal("portal ≥ 60 % of raw throughput, first page", $"≥ {ThroughputShareLimit:P0}",
            $"{first.Portal:N0} / {first.Raw:N0} q/s = {first.Portal / first.Raw:P1}", first.Portal >= ThroughputShareLimit * first.Raw);
        Goal("portal ≥ 60 % of raw throughput, deep page", $"≥ {ThroughputShareLimit:P0}",
            $"{deep.Portal:N0} / {deep.Raw:N0} q/s = {deep.Portal / deep.Raw:P1}", deep.Portal >= ThroughputShareLimit * deep.Raw);
    }

    private static void Goal(string goal, string target, string measured, bool pass) =>
        Console.WriteLine($"| {goal} | {target} | {measured} | {(pass ? "PASS" : "FAIL")} |");

    // ---- diagnosis -------------------------------------------------------------------------------------

    /// <summary>
    /// For every scenario: the SQL commands one ListAsync call sends (captured by an interceptor on a separate,
    /// identically configured context), with the median time each takes inside the call (round trip + reading and
    /// materialising rows) over <see cref="DiagnosticCalls"/> calls, and replayed alone over raw Npgsql; the rest of
    /// the call is EF Core and the service outside the commands. EXPLAIN ANALYZE for every command ≥ 1 ms.
    /// </summary>
    private async Task DiagnoseAsync(Scenario[] scenarios, List<Measured> results)
    {
        Console.WriteLine();
        Console.WriteLine($"## Where the time goes (one ListAsync call, median of {DiagnosticCalls} calls; each SQL command also replayed alone over raw Npgsql)");
        var shownSql = new HashSet<string>();
        var explained = new HashSet<string>();
        foreach (var s in scenarios)
        {
            var calls = new List<(double Total, IReadOnlyList<CapturedCommand> Commands)>();
            for (var i = 0; i < DiagnosticCalls + 3; i++)
            {
                capture.Enabled = true;
                var start = Stopwatch.GetTimestamp();
                await diagnosticPortal.ListAsync(s.Query, ct);
                var total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                capture.Enabled = false;
                if (i >= 3) calls.Add((total, capture.Take()));
                else capture.Take();
                if (total > 2_000 && calls.Count >= 3) break;
            }
            var commands = calls[0].Commands;
            var callP50 = Median(calls.Select(c => c.Total));
            var portalP50 = results.Single(r => r.Name == "portal: " + s.Name).Stats.P50;

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"### {s.Name} — {commands.Count} SQL commands; call {callP50:F2} ms here (timed run p50 {portalP50:F2} ms)"));
            Console.WriteLine("       in call   alone    rows  SQL");
            var inSql = 0.0;
            var costly = new List<(int Number, CapturedCommand Command, double Ms)>();
            for (var i = 0; i < commands.Count; i++)
            {
                var inCall = Median(calls.Select(c => c.Commands[i].InCallMs));
                inSql += inCall;
                var (alone, rows) = await QueryDiagnostics.ReplayAsync(dataSource, commands[i], runs: ReplayRuns);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  #{i + 1} {inCall,8:F2} {alone,8:F2} {rows,7:N0}  {QueryDiagnostics.Summary(commands[i].Sql)}"));
                if (alone >= 1.0) costly.Add((i + 1, commands[i], alone));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  = {inSql:F2} ms in SQL commands + {Math.Max(0, callP50 - inSql):F2} ms outside them (EF Core query pipeline, service, connection open/close)"));
            foreach (var (number, command, ms) in costly)
            {
                Console.WriteLine();
                Console.WriteLine($"  #{number} ({ms:F2} ms alone), parameters: {command.DescribeParameters()}");
                if (!shownSql.Add(command.Sql))
                {
                    Console.WriteLine("      (same SQL text as shown above)");
                }
                else
                {
                    foreach (var line in command.Sql.Split('\n')) Console.WriteLine("      " + line.TrimEnd());
                }
                if (!explained.Add(command.Sql + "\n" + command.DescribeParameters()))
                {
                    Console.WriteLine("      (same parameters, same plan as shown above)");
                    continue;
                }
                Console.Write(await QueryDiagnostics.ExplainAsync(dataSource, command));
            }
        }

        Console.WriteLine();
        Console.WriteLine("### Raw peer SQL (keyset page)");
        foreach (var line in RawWorkerQueries.Sql(keyset: true).Split('\n')) Console.WriteLine("      " + line.TrimEnd());
    }

    private static double Median(IEnumerable<double> values) => LatencyStats.Percentile(values.Order().ToArray(), 0.5);

}
