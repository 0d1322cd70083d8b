using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// Where the database comes from: <c>ConnectionStrings:Default</c> when set (nothing is started), otherwise a
/// project-local PostgreSQL cluster under <c>.data/pg</c> that the portal creates, starts and stops itself.
/// </summary>
public static class DatabaseStartup
{
    public const string NoDatabaseMessage =
        "FrontlineCare needs PostgreSQL. Either set ConnectionStrings__Default to a PostgreSQL server, " +
        "or install the PostgreSQL server (Debian: apt-get install postgresql; deploy/run.sh does this) so the portal can start a local one under .data/pg.";

    /// <summary>Returns the connection string, or null (after printing why) when there is no way to a database.</summary>
    public static async Task<(string? ConnectionString, LocalPostgres? Local)> ResolveAsync(IConfiguration config, string contentRoot)
    {
        var configured = config.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, null);

        var dir = config["LocalDatabase:Directory"] is { Length: > 0 } d ? d : Path.Combine(RepoRoot(contentRoot), ".data", "pg");
        var local = LocalPostgres.TryCreate(dir, config["LocalDatabase:BinDirectory"] is { Length: > 0 } bin ? bin : null);
        if (local is null)
        {
            await Console.Error.WriteLineAsync(NoDatabaseMessage);
            return (null, null);
        }
        await local.StartAsync();
        const string database = "frontlinecare";
        await local.EnsureDatabaseAsync(database);
        return (local.ConnectionString(database), local);
    }

    /// <summary>Applies pending migrations and, when asked, seeds roles and the demo data into an empty database.</summary>
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration config)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (config.GetValue("Database:MigrateOnStartup", true)) await db.Database.MigrateAsync();
        await DemoData.SeedRolesAsync(sp.GetRequiredService<RoleManager<AppRole>>());
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        if (config.GetValue("Seed:DemoData", false))
        {
            await DemoData.SeedAsync(db, users, clock);
        }
        else if (config["Bootstrap:AdminUserName"] is { Length: > 0 } admin)
        {
            await FirstRun.EnsureRootAndAdminAsync(db, users, clock,
                config["Bootstrap:RootUnitName"] ?? "浙江省",
                config.GetValue("Bootstrap:RootProfile", PolicyProfileCode.ZJ),
                admin, config["Bootstrap:AdminPassword"] ?? "");
        }
    }

    private static string RepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FrontlineCare.sln"))) return dir.FullName;
        return start;
    }
}
