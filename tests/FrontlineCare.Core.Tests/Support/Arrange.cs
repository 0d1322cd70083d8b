using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>
/// Arranging rows straight in the database (no service, no jurisdiction, no audit), so a test about one
/// service call does not depend on other calls working, nor on who the caller is at the moment.
/// </summary>
public static class Arrange
{
    public static Task<FrontlineWorker> AddWorkerAsync(this AppFixture fixture, string unitName, Gender gender = Gender.Male, string? name = null) =>
        fixture.AddWorkerAsync(fixture.UnitIdAsync(unitName), gender, name);

    public static async Task<FrontlineWorker> AddWorkerAsync(this AppFixture fixture, Task<Guid> unitId, Gender gender = Gender.Male, string? name = null) =>
        await fixture.AddWorkerAsync(await unitId, gender, name);

    public static async Task<FrontlineWorker> AddWorkerAsync(this AppFixture fixture, Guid unitId, Gender gender = Gender.Male, string? name = null)
    {
        await using var db = fixture.NewContext();
        var now = fixture.Clock.GetUtcNow();
        var worker = new FrontlineWorker
        {
            Id = Guid.CreateVersion7(),
            FullName = name ?? TestData.Name(),
            Gender = gender,
            NationalId = TestData.NationalId(gender),
            Mobile = TestData.Mobile(),
            UnitId = unitId,
            Category = WorkerCategory.CommunityCadre,
            PoliticalStatus = PoliticalStatus.PartyMember,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Workers.Add(worker);
        await db.SaveChangesAsync();
        return worker;
    }

    /// <summary>Marries two workers (both sides, as the service keeps it).</summary>
    public static async Task MarryAsync(this AppFixture fixture, Guid a, Guid b)
    {
        await using var db = fixture.NewContext();
        await db.Workers.Where(w => w.Id == a).ExecuteUpdateAsync(s => s.SetProperty(w => w.SpouseId, b));
        await db.Workers.Where(w => w.Id == b).ExecuteUpdateAsync(s => s.SetProperty(w => w.SpouseId, a));
    }

    public static async Task<Deployment> AddDeploymentAsync(this AppFixture fixture, Guid workerId, DateOnly start, DateOnly? end, string place = "台州站出站口")
    {
        await using var db = fixture.NewContext();
        var now = fixture.Clock.GetUtcNow();
        var deployment = new Deployment
        {
            Id = Guid.CreateVersion7(),
            WorkerId = workerId,
            PostKind = PostKind.Checkpoint,
            Place = place,
            StartDate = start,
            EndDate = end,
            RiskClass = RiskClass.II,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Deployments.Add(deployment);
        await db.SaveChangesAsync();
        return deployment;
    }

    /// <summary>A new unit under the named parent, with a name no other unit has.</summary>
    public static async Task<Unit> AddUnitAsync(this AppFixture fixture, string parentName, UnitKind kind = UnitKind.Community, string? name = null) =>
        await fixture.AddUnitAsync(await fixture.UnitIdAsync(parentName), kind, name);

    public static async Task<Unit> AddUnitAsync(this AppFixture fixture, Guid parentId, UnitKind kind = UnitKind.Community, string? name = null)
    {
        await using var db = fixture.NewContext();
        var parent = await db.Units.AsNoTracking().SingleAsync(u => u.Id == parentId);
        var id = Guid.CreateVersion7();
        var unit = new Unit
        {
            Id = id,
            ParentId = parent.Id,
            Name = name ?? TestData.Name("单位"),
            Kind = kind,
            Path = new LTree($"{parent.Path}.{Unit.Label(id)}"),
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    }

    public static async Task<FrontlineWorker> ReloadWorkerAsync(this AppFixture fixture, Guid id)
    {
        await using var db = fixture.NewContext();
        return await db.Workers.AsNoTracking().SingleAsync(w => w.Id == id);
    }

    public static async Task<Unit> ReloadUnitAsync(this AppFixture fixture, Guid id)
    {
        await using var db = fixture.NewContext();
        return await db.Units.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    /// <summary>The ids of a unit and every unit below it.</summary>
    public static async Task<HashSet<Guid>> SubtreeAsync(this AppFixture fixture, string unitName)
    {
        await using var db = fixture.NewContext();
        var root = await db.Units.Where(u => u.Name == unitName).Select(u => u.Path).SingleAsync();
        return (await db.Units.Where(u => u.Path.IsDescendantOf(root)).Select(u => u.Id).ToListAsync()).ToHashSet();
    }

    public static async Task<IReadOnlyList<T>> CollectAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }

    /// <summary>The caller of the test becomes the given role with a stable identity (for audit and ownership checks).</summary>
    public static async Task UseAsync(this AppFixture fixture, string role, string homeUnit, string userName) =>
        fixture.User.Become(role, await fixture.UnitIdAsync(homeUnit), userName);

    public static Guid CurrentUserId(this AppFixture fixture) => fixture.User.UserId ?? throw new InvalidOperationException("no user");
}
