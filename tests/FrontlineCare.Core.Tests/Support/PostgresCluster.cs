using System.Collections.Concurrent;
using FrontlineCare.Core;
using FrontlineCare.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, in a temp folder. The real migrations are applied
/// once to a template database; each test class gets its own database cloned from it (CREATE DATABASE …
/// TEMPLATE), so classes run in isolation without re-migrating.
/// </summary>
public static class PostgresCluster
{
    private const string Template = "frontlinecare_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalPostgres? _server;
    private static int _counter;

    /// <summary>The throwaway server's log file (null before the first database is made).</summary>
    public static string? LogFile => _server?.LogFile;

    public static async Task<string> NewDatabaseAsync(string? name = null)
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is null)
            {
                DeleteStaleClusters();
                var root = Path.Combine(Path.GetTempPath(), $"frontlinecare-tests-{Environment.ProcessId}");
                var server = LocalPostgres.TryCreate(root)
                    ?? throw new InvalidOperationException("PostgreSQL server binaries not found: run deploy/test.sh, which installs them.");
                await server.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    server.StopAsync().GetAwaiter().GetResult();
                    try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                };
                await server.EnsureDatabaseAsync(Template);
                // No connection may stay open on the template, or CREATE DATABASE … TEMPLATE fails: no pooling here.
                await using (var db = CreateContext(server.ConnectionString(Template) + ";Pooling=false"))
                {
                    await db.Database.MigrateAsync();
                }
                _server = server;
            }
            var database = name ?? $"test_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid():N}"[..30];
            await _server.EnsureDatabaseAsync(database, Template);
            return _server.ConnectionString(database);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Deletes the cluster folders of earlier runs whose process is gone (killed before its clean-up, or a test host
    /// that ended without running exit handlers), including one whose process id this run reuses: each holds a few
    /// hundred MB, and a reused one would hold that run's template.
    /// </summary>
    private static void DeleteStaleClusters()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), "frontlinecare-tests-*"))
        {
            if (!int.TryParse(Path.GetFileName(dir)["frontlinecare-tests-".Length..], out var pid)) continue;
            if (pid != Environment.ProcessId && IsRunning(pid)) continue;
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>One data source (so one connection pool) per database: a new one per context would leave an idle
    /// pooled connection behind each time, until the server refuses clients.</summary>
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new();

    public static AppDbContext CreateContext(string connectionString)
    {
        var dataSource = DataSources.GetOrAdd(connectionString, cs => new NpgsqlDataSourceBuilder(cs).Build());
        var options = ServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<AppDbContext>(), dataSource);
        return new AppDbContext((DbContextOptions<AppDbContext>)options.Options);
    }
}
