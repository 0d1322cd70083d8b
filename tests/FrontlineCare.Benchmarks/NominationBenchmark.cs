using System.Globalization;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.PolicyProfiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static FrontlineCare.Benchmarks.BenchSteps;

namespace FrontlineCare.Benchmarks;

/// <summary>
/// Issue #4 at province scale: the seeded tree grown to 10,000 units and 100,000 nominations of this year (a fifth in
/// review), then two goals measured through the portal's own services: the supervisor's queue, first page
/// (<see cref="NominationService.ListAsync"/> with <c>ToReview</c>), p95 ≤ 50 ms, for supervisors at the root, a
/// county and a community; and the F6 quota of every unit of the tree in one call (<see cref="QuotaService.OverviewAsync"/>)
/// in ≤ 2 s.
/// </summary>
internal sealed class NominationBenchmark(IServiceProvider services, NpgsqlDataSource dataSource, SeedResult seed, DateOnly today, BenchOptions options, CancellationToken ct)
{
    private const int TargetUnits = 10_000;
    private const int TargetNominations = 100_000;
    private const double QueueP95LimitMs = 50;
    private const double QuotaLimitMs = 2_000;

    /// <summary>Communities added under the townships (round robin) until the tree has <see cref="TargetUnits"/> units.</summary>
    private const string GrowTreeSql = """
        WITH towns AS (
            SELECT id, path, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS c FROM units WHERE kind = 'Township'),
        added AS (SELECT gen_random_uuid() AS id, i FROM generate_series(0, @extra - 1) AS i)
        INSERT INTO units (id, parent_id, name, kind, path)
        SELECT a.id, t.id, '基准加测社区' || a.i, 'Community', t.path || text2ltree(replace(a.id::text, '-', ''))
        FROM added a JOIN towns t ON t.n = a.i % t.c
        """;

    /// <summary>
    /// Nominations of people deployed this year, at most one per person and kind (so one live nomination per person,
    /// kind and year holds), pairs picked in hash order so the kinds mix, with statuses spread by a hash: 20% in review, 10% returned, 50% approved,
    /// 15% rejected, 5% withdrawn; submitted over the year.
    /// </summary>
    private const string NominationsSql = """
        WITH people AS (
            SELECT DISTINCT ON (w.id) w.id AS worker_id, w.unit_id, coalesce(u.parent_id, u.id) AS nominating_unit_id
            FROM workers w JOIN units u ON u.id = w.unit_id
            JOIN deployments d ON d.worker_id = w.id AND d.start_date <= @to AND (d.end_date IS NULL OR d.end_date >= @from)),
        kinds AS (SELECT k FROM unnest(@kinds) AS k),
        picked AS (
            SELECT p.*, k.k AS kind, ((hashtext(p.worker_id::text || k.k)::bigint & 2147483647) % 100)::int AS h
            FROM kinds k CROSS JOIN people p
            ORDER BY hashtext(p.worker_id::text || k.k), p.worker_id, k.k
            LIMIT @count)
        INSERT INTO nominations (id, year, kind, nominee_kind, worker_id, unit_id, deeds, status, level, required_levels,
                                 nominating_unit_id, submitted_by_id, submitted_by, submitted_at, submissions, decided_at,
                                 facts_deployments, facts_duty_days, facts_duty_hours, facts_high_risk_days, facts_overload_cases, facts_people)
        SELECT gen_random_uuid(), @year, kind, 'Individual', worker_id, unit_id, '基准测试事迹',
               CASE WHEN h < 20 THEN 'InReview' WHEN h < 30 THEN 'Returned' WHEN h < 80 THEN 'Approved' WHEN h < 95 THEN 'Rejected' ELSE 'Withdrawn' END,
               1, 1, nominating_unit_id, gen_random_uuid(), 'committee', @now - make_interval(mins => ((h * 4099 + hashtext(worker_id::text)::bigint) & 262143)::int),
               1, CASE WHEN h >= 30 THEN @now END, 1, 10, 80, 0, 0, 1
        FROM picked
        """;

    public async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine("## Nominations and quotas (issue #4)");
        Console.WriteLine();
        Console.WriteLine($"Machine load at start: {MachineInfo.LoadAverage()}");
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            var units = await Step("grow the tree", async () =>
            {
                var now = await ScalarAsync<long>(conn, "SELECT count(*) FROM units", ct);
                if (now < TargetUnits) await ExecuteAsync(conn, GrowTreeSql, ct, ("extra", (int)(TargetUnits - now)));
                return await ScalarAsync<long>(conn, "SELECT count(*) FROM units", ct);
            });
            var (from, to) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
            var rows = await Step($"insert {TargetNominations:N0} nominations", () => ExecuteAsync(conn, NominationsSql, ct,
                ("from", from), ("to", to), ("year", today.Year), ("count", TargetNominations), ("now", DateTimeOffset.UtcNow),
                ("kinds", Enum.GetNames<Core.Policy.Measures.AwardKind>().Where(k => k != "AdvancedCollective").ToArray())));
            await Step("VACUUM ANALYZE units, nominations", () => ExecuteAsync(conn, "VACUUM ANALYZE units, nominations", ct));
            var inReview = await ScalarAsync<long>(conn, "SELECT count(*) FROM nominations WHERE status = 'InReview'", ct);
            Console.WriteLine($"    {units:N0} units; {rows:N0} nominations of {today.Year}, {inReview:N0} in review");
        }

        Console.WriteLine();
        Console.WriteLine("### The supervisor's queue, first page (NominationService.ListAsync, ToReview)");
        Console.WriteLine();
        var queues = new List<(string Name, LatencyStats Stats, int Items)>();
        foreach (var (name, unitId) in new[] { ("province (root)", seed.RootUnitId), ($"county {seed.County.Name}", seed.County.Id), ($"community {seed.Community.Name}", seed.Community.Id) })
        {
            var supervisor = Service(new BenchUser(unitId, Roles.Supervisor));
            var items = (await supervisor.ListAsync(new NominationQuery { ToReview = true }, ct)).Items.Count;
            var stats = await LatencyStats.MeasureAsync(() => supervisor.ListAsync(new NominationQuery { ToReview = true }, ct), options.Warmup, options.Iterations);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-40} n {stats.Count}  mean {stats.Mean:F1} ms  p50 {stats.P50:F1}  p95 {stats.P95:F1}  max {stats.Max:F1}; {items} items on the page"));
            queues.Add((name, stats, items));
        }

        Console.WriteLine();
        Console.WriteLine("### Quotas of every unit of the tree in one call (QuotaService.OverviewAsync, OrgDepartment at the root)");
        Console.WriteLine();
        var quotas = services.GetRequiredService<QuotaService>();
        var overview = await quotas.OverviewAsync(today.Year, ct);
        var quota = await LatencyStats.MeasureAsync(() => quotas.OverviewAsync(today.Year, ct), 2, 10);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  n {quota.Count}  mean {quota.Mean:F0} ms  p50 {quota.P50:F0}  p95 {quota.P95:F0}  max {quota.Max:F0}; {overview.Count:N0} units with participants or nominations, " +
            $"{overview.Sum(r => r.Participants):N0} participants, {overview.Sum(r => r.Excellent.Used):N0} excellent places held"));

        Console.WriteLine();
        Console.WriteLine("### Goals (issue #4)");
        Console.WriteLine();
        Console.WriteLine("| Goal | Target | Measured | Result |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, stats, items) in queues)
        {
            Goal($"supervisor queue, first page, supervisor at the {name}", $"p95 ≤ {QueueP95LimitMs:F0} ms",
                string.Create(CultureInfo.InvariantCulture, $"p95 {stats.P95:F1} ms (mean {stats.Mean:F1}; {items} items)"), stats.P95 <= QueueP95LimitMs);
        }
        Goal($"quota of every unit ({TargetUnits:N0}-unit tree) in one call", $"≤ {QuotaLimitMs / 1000:F0} s",
            string.Create(CultureInfo.InvariantCulture, $"p95 {quota.P95:F0} ms (mean {quota.Mean:F0}; n {quota.Count})"), quota.P95 <= QuotaLimitMs);
    }

    private NominationService Service(ICurrentUser user) => new(
        services.GetRequiredService<IDbContextFactory<AppDbContext>>(), services.GetRequiredService<PolicyProfileService>(),
        services.GetRequiredService<QuotaService>(), user, TimeProvider.System, NullLogger<NominationService>.Instance);
}
