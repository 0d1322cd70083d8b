using FluentValidation;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.Units;

/// <summary>The unit tree of the caller's jurisdiction. Only OrgDepartment changes it.</summary>
public sealed class UnitService(IDbContextFactory<AppDbContext> dbFactory, IValidator<UnitForm> validator, ICurrentUser user)
{
    /// <summary>
    /// Every unit of the jurisdiction in tree order (each unit followed by its sub-units; siblings by kind, then by
    /// name in Chinese order), with the profile in force.
    /// </summary>
    public async Task<IReadOnlyList<UnitNode>> TreeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForUnitTreeAsync(db, user, ct);
        if (jurisdiction.RootPath is not { } root) return [];
        var units = await jurisdiction.Units(db).AsNoTracking().ToListAsync(ct);
        var rootUnit = units.First(u => u.Path == root);
        var children = units.Where(u => u.Id != rootUnit.Id).ToLookup(u => u.ParentId);
        var names = StringComparer.Create(ChineseOrder, ignoreCase: false);
        var nodes = new List<UnitNode>(units.Count);

        void Visit(Unit unit, int depth, PolicyProfileCode inherited)
        {
            var profile = unit.ProfileOverride ?? inherited;
            nodes.Add(new UnitNode(unit.Id, unit.ParentId, unit.Name, unit.Kind, depth, unit.Version, unit.ProfileOverride, profile));
            foreach (var child in children[unit.Id].OrderBy(c => c.Kind).ThenBy(c => c.Name, names))
                Visit(child, depth + 1, profile);
        }

        Visit(rootUnit, 0, await EffectiveProfileAsync(db, rootUnit, ct));
        return nodes;
    }

    private static readonly System.Globalization.CultureInfo ChineseOrder = new("zh-CN");

    /// <summary>Units of the jurisdiction whose name contains the text, for pickers.</summary>
    public async Task<IReadOnlyList<UnitNode>> SearchAsync(string? text, CancellationToken ct = default)
    {
        var tree = await TreeAsync(ct);
        return string.IsNullOrWhiteSpace(text)
            ? tree.Take(50).ToList()
            : tree.Where(n => n.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)).Take(50).ToList();
    }

    /// <summary>The profile in force for a unit: its own override, else the nearest ancestor's (ZJ if the tree names none).</summary>
    public async Task<PolicyProfileCode> EffectiveProfileAsync(AppDbContext db, Unit unit, CancellationToken ct)
    {
        if (unit.ProfileOverride is { } own) return own;
        var ancestorIds = unit.Path.ToString().Split('.').Select(Guid.Parse).ToList();
        // LTree.NLevel only exists in SQL (nlevel): the nearest ancestor is picked by the database.
        var nearest = await db.Units.AsNoTracking()
            .Where(u => ancestorIds.Contains(u.Id) && u.ProfileOverride != null)
            .OrderByDescending(u => u.Path.NLevel)
            .Select(u => u.ProfileOverride)
            .FirstOrDefaultAsync(ct);
        return nearest ?? PolicyProfileCode.ZJ;
    }

    public async Task<Result<Guid>> SaveAsync(UnitForm form, CancellationToken ct = default)
    {
        if (!user.CanManageUnits()) return Result<Guid>.From(Result.Forbidden(Messages.ReadOnlyRole));
        if (await validator.CheckAsync(form, ct) is { } invalid) return Result<Guid>.From(invalid);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);

        Unit unit;
        if (form.Id is { } id)
        {
            var existing = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (existing is null) return Result<Guid>.From(Result.NotFound());
            if (!jurisdiction.Contains(existing.Path)) return Result<Guid>.From(Jurisdiction.Hidden());
            if (existing.ParentId is null && form.ProfileOverride is null)
                return Result<Guid>.From(Result.Invalid(nameof(UnitForm.ProfileOverride), Messages.RootProfileRequired));
            db.Entry(existing).Property(u => u.Version).OriginalValue = form.Version;
            unit = existing;
        }
        else
        {
            var parent = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == form.ParentId, ct);
            if (parent is null || !jurisdiction.Contains(parent.Path))
                return Result<Guid>.From(Result.Invalid(nameof(UnitForm.ParentId), Messages.UnitOutsideJurisdiction));
            var newId = Guid.CreateVersion7();
            unit = new Unit { Id = newId, ParentId = parent.Id, Name = "", Path = new LTree($"{parent.Path}.{Unit.Label(newId)}") };
            db.Units.Add(unit);
        }

        unit.Name = form.Name.Trim();
        unit.Kind = form.Kind!.Value;
        unit.ProfileOverride = form.ProfileOverride;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.From(Result.Conflict(Messages.ConcurrencyConflict));
        }
        return Result<Guid>.Ok(unit.Id);
    }

    /// <summary>Moves a unit, and with it its whole subtree, under a new parent in the same jurisdiction.</summary>
    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public Task<Result> MoveAsync(Guid unitId, Guid newParentId, uint version, CancellationToken ct = default) =>
        dbFactory.RetryingAsync(() => MoveOnceAsync(unitId, newParentId, version, ct), ct);

    private async Task<Result> MoveOnceAsync(Guid unitId, Guid newParentId, uint version, CancellationToken ct)
    {
        if (!user.CanManageUnits()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct);
        var parent = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == newParentId, ct);
        if (unit is null || parent is null) return Result.NotFound();
        if (!jurisdiction.Contains(unit.Path)) return Jurisdiction.Hidden();
        // The home unit itself is seen but belongs to the level above: it may not be moved or deleted from here.
        if (unit.Path == jurisdiction.RootPath) return Result.Forbidden(Messages.NotInJurisdiction);
        if (!jurisdiction.Contains(parent.Path)) return Result.Invalid("ParentId", Messages.UnitOutsideJurisdiction);
        if (Jurisdiction.IsDescendant(parent.Path, unit.Path)) return Result.Invalid("ParentId", Messages.UnitMoveIntoSubtree);
        if (unit.ParentId == parent.Id) return Result.Ok();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        var oldPath = unit.Path;
        var newPath = new LTree($"{parent.Path}.{Unit.Label(unit.Id)}");
        unit.ParentId = parent.Id;
        unit.Path = newPath;
        try
        {
            // The unit itself goes through EF (version check + audit entry)…
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(Messages.ConcurrencyConflict);
        }
        // …and its descendants follow in one statement.
        string from = oldPath, to = newPath;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE units SET path = {to}::ltree || subpath(path, nlevel({from}::ltree)) WHERE path <@ {from}::ltree",
            ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> DeleteAsync(Guid unitId, uint version, CancellationToken ct = default)
    {
        if (!user.CanManageUnits()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return Result.NotFound();
        if (!jurisdiction.Contains(unit.Path)) return Jurisdiction.Hidden();
        // The home unit itself is seen but belongs to the level above: it may not be moved or deleted from here.
        if (unit.Path == jurisdiction.RootPath) return Result.Forbidden(Messages.NotInJurisdiction);
        var inUse = await db.Units.AnyAsync(u => u.ParentId == unitId, ct)
                    || await db.Workers.AnyAsync(w => w.UnitId == unitId, ct)
                    || await db.Users.AnyAsync(a => a.HomeUnitId == unitId, ct);
        if (inUse) return Result.Conflict(Messages.UnitNotEmpty);
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        db.Units.Remove(unit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(Messages.ConcurrencyConflict);
        }
        return Result.Ok();
    }
}
