using System.Diagnostics;
using System.Runtime.InteropServices;
using FluentValidation;
using FrontlineCare.Core;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FrontlineCare.Benchmarks;

/// <summary>
/// The portal's benchmarks, in one run: a throwaway PostgreSQL cluster, the real migrations, a seeded province
/// (6,111 units, N workers, deployments) loaded with binary COPY, then the worker list (performance goal G4)
/// measured through the portal's own <see cref="WorkerService"/> and against a raw-Npgsql peer, and/or 30 days of
/// duty per worker with the B2 sweep and the duty grid (issue #3, <see cref="DutyBenchmark"/>), and/or
/// 100,000 nominations in a 10,000-unit tree (issue #4, <see cref="NominationBenchmark"/>), and/or a monthly subsidy
/// sheet for 100,000 people (issue #5, <see cref="SubsidyBenchmark"/>).
/// See docs/performance.md.
/// </summary>
internal static class Program
{
    private const string Database = "frontlinecare_bench";

    /// <summary>The PostgreSQL settings of the performance anchors' measurements (§6.2, §7.1), applied before seeding.</summary>
    private static readonly (string Name, string Value)[] ServerSettings =
    [
        ("shared_buffers", "2GB"),
        ("work_mem", "32MB"),
        ("maintenance_work_mem", "512MB"),
        ("max_wal_size", "8GB"),
        ("checkpoint_timeout", "15min"),
    ];

    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

        var root = Path.Combine(Path.GetTempPath(), $"frontlinecare-bench-{Environment.ProcessId}");
        var server = LocalPostgres.TryCreate(root);
        if (server is null)
        {
            Console.Error.WriteLine("PostgreSQL server binaries not found (initdb, pg_ctl): install postgresql-15, as deploy/test.sh does.");
            return 1;
        }

        var total = Stopwatch.StartNew();
        try
        {
            await RunAsync(server, options, cts.Token);
            return 0;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Benchmark failed: {ex}");
            return 1;
        }
        finally
        {
            if (options.Keep)
            {
                Console.WriteLine();
                Console.WriteLine($"--keep: the cluster is still running: {server.ConnectionString(Database)}");
                Console.WriteLine($"Stop it with: pg_ctl -D {Path.Combine(root, "cluster")} stop (as the postgres user when root), then delete {root}.");
            }
            else
            {
                await StopAndDeleteAsync(server, root);
            }
            Console.WriteLine($"Whole run {total.Elapsed.TotalMinutes:F1} min.");
        }
    }

    private static async Task StopAndDeleteAsync(LocalPostgres server, string root)
    {
        await server.StopAsync();
        try
        {
            Directory.Delete(root, recursive: true);
            Console.WriteLine();
            Console.WriteLine($"Cluster stopped and {root} deleted.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cluster stopped, but {root} could not be deleted: {ex.Message}");
        }
    }

    private static async Task RunAsync(LocalPostgres server, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine("# FrontlineCare benchmark");
        Console.WriteLine();
        Console.WriteLine($"Options: --workers {options.Workers:N0} --iterations {options.Iterations} --warmup {options.Warmup} " +
                          $"--throughput {options.ThroughputQueries:N0} --seed {options.Seed} --scenario {options.Scenario.ToString().ToLowerInvariant()}");
        Console.WriteLine($"Started {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}; machine load {MachineInfo.LoadAverage()}");

        var sw = Stopwatch.StartNew();
        await server.StartAsync(ct);
        await TuneAsync(server, ct);
        await server.EnsureDatabaseAsync(Database, cancellationToken: ct);
        var connectionString = server.ConnectionString(Database);
        await PrintMachineAsync(connectionString, ct);
        Console.WriteLine($"Cluster started and tuned in {sw.Elapsed.TotalSeconds:F1} s (port {server.Port}).");

        sw.Restart();
        await using (var migrationSource = NpgsqlDataSource.Create(connectionString))
        await using (var db = new AppDbContext((DbContextOptions<AppDbContext>)Core.ServiceCollectionExtensions
                         .Configure(new DbContextOptionsBuilder<AppDbContext>(), migrationSource).Options))
        {
            await db.Database.MigrateAsync(ct);
        }
        Console.WriteLine($"Migrations applied in {sw.Elapsed.TotalSeconds:F1} s.");

        // Built after the migration, so that it knows the ltree type the migration created.
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var today = TimeProvider.System.Today();
        Console.WriteLine();
        Console.WriteLine("## Seeding (binary COPY into the migrated tables, all indexes and constraints in place)");
        Console.WriteLine();
        var seed = await new Seeder(dataSource, options.Seed).SeedAsync(options.Workers, today, ct);
        Console.WriteLine($"  county picked: {seed.County.Name} ({seed.County.Workers:N0} workers in {seed.County.Units} units); " +
                          $"community: {seed.Community.Name} ({seed.Community.Workers:N0}); city: {seed.City.Name} ({seed.City.Workers:N0})");
        await PrintSizesAsync(dataSource, ct);

        // The portal's own composition: AddFrontlineCareCore + a current user (OrgDepartment at the root) + logging.
        var user = new BenchUser(seed.RootUnitId);
        var services = new ServiceCollection();
        // Warnings only, except the subsidy generator's one line of phase timings.
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("FrontlineCare.Core.Features.Subsidies", LogLevel.Information));
        services.AddFrontlineCareCore(connectionString);
        services.AddSingleton<ICurrentUser>(user);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        // One scope for the whole run, like one Blazor circuit: the service opens a short-lived context per call.
        await using var scope = provider.CreateAsyncScope();
        if (options.RunsList) await RunListAsync(scope.ServiceProvider, user, dataSource, seed, today, options, ct);
        if (options.RunsDuty) await new DutyBenchmark(scope.ServiceProvider, dataSource, today, options.Explain, ct).RunAsync();
        if (options.RunsNominations) await new NominationBenchmark(scope.ServiceProvider, dataSource, seed, today, options, ct).RunAsync();
        if (options.RunsSubsidy) await new SubsidyBenchmark(scope.ServiceProvider, dataSource, seed, today, ct).RunAsync();
        if (options.RunsChecklist) await new ChecklistBenchmark(scope.ServiceProvider, dataSource, seed, today, ct).RunAsync();
    }

    private static async Task RunListAsync(
        IServiceProvider services, BenchUser user, NpgsqlDataSource dataSource, SeedResult seed, DateOnly today, BenchOptions options, CancellationToken ct)
    {
        var portal = services.GetRequiredService<WorkerService>();

        var capture = new CommandCapture();
        var capturingFactory = new CapturingContextFactory(dataSource, capture);
        var diagnosticPortal = new WorkerService(
            capturingFactory,
            services.GetRequiredService<IValidator<WorkerForm>>(),
            user,
            TimeProvider.System,
            NullLogger<WorkerService>.Instance);

        var ef = new EfPageQueries(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), today);
        var raw = new RawWorkerQueries(dataSource, today);
        await new ListBenchmark(portal, diagnosticPortal, capture, ef, raw, dataSource, seed, options, ct).RunAsync();
    }

    /// <summary>Applies <see cref="ServerSettings"/> with ALTER SYSTEM and restarts the throwaway cluster.</summary>
    private static async Task TuneAsync(LocalPostgres server, CancellationToken ct)
    {
        await using (var conn = new NpgsqlConnection(server.ConnectionString("postgres") + ";Pooling=false"))
        {
            await conn.OpenAsync(ct);
            foreach (var (name, value) in ServerSettings)
            {
                await using var cmd = new NpgsqlCommand($"ALTER SYSTEM SET {name} = '{value}'", conn);
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        await server.StopAsync();
        await server.StartAsync(ct);
    }

    private static async Task PrintMachineAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString + ";Pooling=false");
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT current_setting('server_version'), " +
            "string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings " +
            "WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'max_wal_size', 'jit', 'fsync', " +
            "'synchronous_commit', 'random_page_cost', 'effective_cache_size')", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);

        Console.WriteLine();
        Console.WriteLine("## Machine");
        Console.WriteLine();
        Console.WriteLine($"- CPU: {Environment.ProcessorCount} logical cores (nproc), {MachineInfo.CpuModel()}");
        Console.WriteLine($"- Memory: {MachineInfo.MemTotalGiB():F1} GiB");
        Console.WriteLine($"- OS: {MachineInfo.OsName()}; {RuntimeInformation.FrameworkDescription}; GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        Console.WriteLine($"- PostgreSQL {reader.GetString(0)} (throwaway cluster on loopback, same machine): {reader.GetString(1)}");
        Console.WriteLine($"- EF Core {MachineInfo.Version(typeof(DbContext))}, Npgsql {MachineInfo.Version(typeof(NpgsqlConnection))}");
        Console.WriteLine();
    }

    private static async Task PrintSizesAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT pg_size_pretty(pg_table_size('workers')), pg_size_pretty(pg_indexes_size('workers')), " +
            "(SELECT count(*) FROM workers), (SELECT count(*) FROM units), (SELECT count(*) FROM deployments)");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        Console.WriteLine($"  in the database: {reader.GetInt64(2):N0} workers ({reader.GetString(0)} table + {reader.GetString(1)} indexes), " +
                          $"{reader.GetInt64(3):N0} units, {reader.GetInt64(4):N0} deployments");
    }
}
