using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Common;

/// <summary>
/// The caller's jurisdiction: their home unit and everything below it. Every service query goes through
/// <see cref="Units"/> or <see cref="Contains"/>, so no row outside it is ever read or written.
/// </summary>
public sealed class Jurisdiction
{
    private Jurisdiction(LTree? rootPath) => RootPath = rootPath;

    /// <summary>Null for a caller with no jurisdiction (not signed in, or the home unit is gone): they see nothing.</summary>
    public LTree? RootPath { get; }

    /// <summary>
    /// The caller's personnel jurisdiction: the subtree of their home unit for a role that works with people
    /// (<see cref="CurrentUserExtensions.HasPersonnelJurisdiction"/>), empty for everyone else — Admin manages accounts
    /// and sees no personnel data. Every feature service reads and writes through this one.
    /// </summary>
    public static Task<Jurisdiction> ForAsync(AppDbContext db, ICurrentUser user, CancellationToken ct = default) =>
        user.HasPersonnelJurisdiction() ? TreeOfAsync(db, user, ct) : Task.FromResult(new Jurisdiction(null));

    /// <summary>
    /// The units the caller may see by name, with no people in them: the personnel jurisdiction, and for Admin the
    /// subtree of their home unit, so an account's home unit can be picked. Only accounts and the unit tree use it.
    /// </summary>
    public static Task<Jurisdiction> ForUnitTreeAsync(AppDbContext db, ICurrentUser user, CancellationToken ct = default) =>
        user.HasPersonnelJurisdiction() || user.IsInRole(Roles.Admin) ? TreeOfAsync(db, user, ct) : Task.FromResult(new Jurisdiction(null));

    private static async Task<Jurisdiction> TreeOfAsync(AppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (!user.IsAuthenticated || user.HomeUnitId is not { } home) return new(null);
        var path = await db.Units.AsNoTracking().Where(u => u.Id == home).Select(u => (LTree?)u.Path).FirstOrDefaultAsync(ct);
        return new(path);
    }

    /// <summary>
    /// The answer for a record addressed by id (or a unit filter) outside the jurisdiction: exactly the answer for
    /// one that does not exist, so an outsider learns nothing of its existence (docs/architecture.md → Jurisdiction).
    /// A role that may not do the action at all is refused before any record is looked up (Forbidden).
    /// </summary>
    public static Result Hidden() => Result.NotFound();

    /// <summary>The answer for an outside record as a tuple's failure half, for the load-and-check helpers.</summary>
    public static Result<T> Hidden<T>() => Result<T>.From(Result.NotFound());

    /// <summary>The units of the jurisdiction, as a query to join or filter on.</summary>
    public IQueryable<Unit> Units(AppDbContext db)
    {
        if (RootPath is not { } root) return db.Units.Where(_ => false);
        return db.Units.Where(u => u.Path.IsDescendantOf(root));
    }

    /// <summary>
    /// The units of the jurisdiction, or — when <paramref name="unitId"/> is given — of that unit and below; null when
    /// that unit is unknown or outside the jurisdiction (for a list filtered by a unit picker).
    /// </summary>
    public async Task<IQueryable<Unit>?> UnitsUnderAsync(AppDbContext db, Guid? unitId, CancellationToken ct = default)
    {
        if (unitId is not { } id) return Units(db);
        var path = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => (LTree?)u.Path).FirstOrDefaultAsync(ct);
        return path is { } p && Contains(p) ? db.Units.Where(u => u.Path.IsDescendantOf(p)) : null;
    }

    public bool Contains(LTree unitPath) => RootPath is { } root && IsDescendant(unitPath, root);

    public async Task<bool> ContainsUnitAsync(AppDbContext db, Guid unitId, CancellationToken ct = default) =>
        await Units(db).AnyAsync(u => u.Id == unitId, ct);

    /// <summary>ltree's <c>&lt;@</c> on the client: equal, or the root's labels followed by more.</summary>
    public static bool IsDescendant(LTree path, LTree root)
    {
        string p = path, r = root;
        return p == r || p.StartsWith(r + ".", StringComparison.Ordinal);
    }
}
