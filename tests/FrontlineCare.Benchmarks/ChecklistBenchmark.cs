using System.Diagnostics;
using System.Globalization;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Checklist;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static FrontlineCare.Benchmarks.BenchSteps;

namespace FrontlineCare.Benchmarks;

/// <summary>
/// Issue #6: the H3 measures checklist, whose figures are counted from the portal's own records for a unit and
/// everything under it. On top of the seeded tree: a week of health reports from everyone deployed today, a
/// forced-rest case for one deployed worker in twenty, a volunteer record for one worker in ten. Measured through the
/// portal's own <see cref="ChecklistService"/>: a community committee's page and a county organisation department's
/// page (goal ≤ 2 s each), and the export's matrix with figures, for the county and for the root of the tree (goal
/// ≤ 30 s: an export, not a page).
/// </summary>
internal sealed class ChecklistBenchmark(IServiceProvider services, NpgsqlDataSource dataSource, SeedResult seed, DateOnly today, CancellationToken ct)
{
    private const double PageLimitS = 2;
    private const double ExportLimitS = 30;

    private const string HealthSql = """
        INSERT INTO daily_health_reports (id, worker_id, day, morning_temperature, evening_temperature, symptoms, test_result, findings, reported_at)
        SELECT gen_random_uuid(), d.worker_id, day::date, 36.5, 36.7, 0, 'NotTested', 0, now()
        FROM (SELECT DISTINCT worker_id FROM deployments WHERE start_date <= @today AND (end_date IS NULL OR end_date >= @today)) d
        CROSS JOIN generate_series(@from::date, @today::date, interval '1 day') AS day
        """;

    private const string ForcedRestSql = """
        INSERT INTO forced_rest_cases (id, worker_id, kind, period_from, period_to, value, "limit", status, opened_at, closed_at)
        SELECT gen_random_uuid(), w.worker_id, 'LongShift', @day, @day, 14, 12,
               CASE WHEN hashtext(w.worker_id::text) % 2 = 0 THEN 'Rested' ELSE 'Open' END, now(),
               CASE WHEN hashtext(w.worker_id::text) % 2 = 0 THEN now() END
        FROM (SELECT DISTINCT worker_id FROM deployments WHERE hashtext(worker_id::text) % 20 = 0) w
        WHERE NOT EXISTS (SELECT 1 FROM forced_rest_cases f WHERE f.worker_id = w.worker_id)
        """;

    private const string VolunteerSql = """
        INSERT INTO volunteer_service_records (id, worker_id, kind, activity, started_at, ended_at, hours, verified_by, recorded_at)
        SELECT gen_random_uuid(), id, 'Activity', '社区防控志愿服务', now() - interval '3 days', now() - interval '3 days' + interval '4 hours', 4, '社区党委', now()
        FROM workers WHERE hashtext(id::text) % 10 = 0
        """;

    public async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine("## Measures checklist (issue #6)");
        Console.WriteLine();
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            var health = await Step("a week of health reports from everyone deployed today", () =>
                ExecuteAsync(conn, HealthSql, ct, ("today", today), ("from", today.AddDays(-6))));
            var rest = await Step("a forced-rest case for one deployed worker in twenty", () => ExecuteAsync(conn, ForcedRestSql, ct, ("day", today.AddDays(-10))));
            var volunteer = await Step("a volunteer record for one worker in ten", () => ExecuteAsync(conn, VolunteerSql, ct));
            await Step("VACUUM ANALYZE", () => ExecuteAsync(conn, "VACUUM ANALYZE daily_health_reports, forced_rest_cases, volunteer_service_records, deployments, workers", ct));
            Console.WriteLine($"    {health:N0} health reports, {rest:N0} forced-rest cases, {volunteer:N0} volunteer records");
        }

        var community = As(new BenchUser(seed.Community.Id, Roles.UnitCommittee));
        var county = As(new BenchUser(seed.County.Id));
        var root = services.GetRequiredService<ChecklistService>();
        Console.WriteLine();
        Console.WriteLine($"Machine load before: {MachineInfo.LoadAverage()}");
        var communityPage = await TimeAsync($"page of {seed.Community.Name} ({seed.Community.Workers:N0} people), its committee", 5, () => community.GetAsync(null, ct));
        var countyPage = await TimeAsync($"page of {seed.County.Name} ({seed.County.Workers:N0} people), its organisation department", 5, () => county.GetAsync(null, ct));
        var countyExport = await TimeAsync($"export matrix of {seed.County.Name} with figures", 2, () => county.MatrixAsync(withFigures: true, ct));
        var rootExport = await TimeAsync("export matrix of the root with figures", 2, () => root.MatrixAsync(withFigures: true, ct));
        Console.WriteLine($"Machine load after:  {MachineInfo.LoadAverage()}");

        Console.WriteLine();
        Console.WriteLine("| goal | target | measured | |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Goal("a community committee's checklist page", $"≤ {PageLimitS:F0} s", Seconds(communityPage), communityPage.Max() <= PageLimitS);
        Goal("a county organisation department's checklist page", $"≤ {PageLimitS:F0} s", Seconds(countyPage), countyPage.Max() <= PageLimitS);
        Goal("the county's checklist export (matrix with figures)", $"≤ {ExportLimitS:F0} s", Seconds(countyExport), countyExport.Max() <= ExportLimitS);
        Goal($"the root's checklist export ({seed.Loads.First(l => l.Table == "workers").Rows:N0} people)", $"≤ {ExportLimitS:F0} s", Seconds(rootExport), rootExport.Max() <= ExportLimitS);
    }

    /// <summary>The portal's checklist service acting for another caller (a county, a community committee).</summary>
    private ChecklistService As(BenchUser user) => ActivatorUtilities.CreateInstance<ChecklistService>(services, user);

    private static async Task<List<double>> TimeAsync<T>(string name, int runs, Func<Task<Result<T>>> call)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var result = await call();
            times.Add(sw.Elapsed.TotalSeconds);
            if (!result.IsOk) throw new InvalidOperationException($"{name}: {result.Status} {result.Message}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-70} {string.Join(" / ", times.Select(t => $"{t:F2}"))} s"));
        return times;
    }

    private static string Seconds(List<double> times) =>
        string.Create(CultureInfo.InvariantCulture, $"{times[0]:F2} s first, {times.Skip(1).DefaultIfEmpty(times[0]).Max():F2} s max after");
}
