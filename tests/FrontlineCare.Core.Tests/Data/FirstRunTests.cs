using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontlineCare.Core.Tests.Data;

public sealed class FirstRunTests
{
    [Fact]
    public async Task An_empty_database_gets_its_root_unit_and_one_admin_and_a_second_start_changes_nothing()
    {
        var cs = await PostgresCluster.NewDatabaseAsync();
        await using var services = Services(cs);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await DemoData.SeedRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>());

        (await FirstRun.EnsureRootAndAdminAsync(db, users, TimeProvider.System, "贵州省黔南州", PolicyProfileCode.QN, "root.admin", "Qiannan2026x")).ShouldBeTrue();
        (await FirstRun.EnsureRootAndAdminAsync(db, users, TimeProvider.System, "其他", PolicyProfileCode.ZJ, "other", "Qiannan2026x")).ShouldBeFalse();

        var unit = await db.Units.AsNoTracking().SingleAsync();
        unit.Name.ShouldBe("贵州省黔南州");
        unit.ProfileOverride.ShouldBe(PolicyProfileCode.QN);
        var admin = await users.FindByNameAsync("root.admin");
        admin.ShouldNotBeNull();
        admin.HomeUnitId.ShouldBe(unit.Id);
        (await users.IsInRoleAsync(admin, Roles.Admin)).ShouldBeTrue();
        (await users.CheckPasswordAsync(admin, "Qiannan2026x")).ShouldBeTrue();
        (await users.FindByNameAsync("other")).ShouldBeNull();
    }

    [Fact]
    public async Task A_weak_first_admin_password_stops_the_start_and_creates_nothing()
    {
        var cs = await PostgresCluster.NewDatabaseAsync();
        await using var services = Services(cs);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        await Should.ThrowAsync<InvalidOperationException>(() =>
            FirstRun.EnsureRootAndAdminAsync(db, users, TimeProvider.System, "浙江省", PolicyProfileCode.ZJ, "admin", "short"));
        (await db.Units.AnyAsync()).ShouldBeFalse();
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFrontlineCareCore(connectionString);
        services.AddScoped<ICurrentUser>(_ => new TestUser { UserId = null });
        services.AddIdentityCore<AppUser>(PasswordPolicy.Configure).AddRoles<AppRole>().AddEntityFrameworkStores<AppDbContext>();
        return services.BuildServiceProvider();
    }
}
