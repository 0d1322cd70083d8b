using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>
/// A real service container over a database of its own, seeded with the demo tree and ~60 workers. Tests
/// resolve services from <see cref="Services"/> and switch the caller through <see cref="User"/>.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public TestUser User { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Now);
    public string ConnectionString { get; private set; } = "";
    public ServiceProvider Services { get; private set; } = null!;

    public virtual int DemoWorkers => 60;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresCluster.NewDatabaseAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddFrontlineCareCore(ConnectionString);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddScoped<ICurrentUser>(_ => User);
        // The portal's own password and lockout rules, so AccountService meets the same Identity validators as in production.
        services.AddIdentityCore<AppUser>(PasswordPolicy.Configure)
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        ConfigureServices(services);
        Services = services.BuildServiceProvider();

        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DemoData.SeedRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>());
        await DemoData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), Clock, DemoWorkers);
        await UseAsync(Roles.OrgDepartment, "椒江区");
    }

    /// <summary>A subclass may add or replace services (e.g. a command interceptor) before the container is built.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();

    /// <summary>Acts as a new caller of the role, at home in the named unit.</summary>
    public async Task UseAsync(string role, string homeUnit)
    {
        User.Become(role, await UnitIdAsync(homeUnit));
    }

    public async Task<Guid> UnitIdAsync(string name)
    {
        await using var db = NewContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A context with no interceptor and no jurisdiction: for arranging and asserting only.</summary>
    public AppDbContext NewContext() => PostgresCluster.CreateContext(ConnectionString);

    public T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();
}
