using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Benchmarks;

/// <summary>
/// The page query of <see cref="WorkerService.ListAsync"/> alone — the same LINQ (order, keyset comparison, Take(size
/// + 1), projection with the unit name and the "deployed now" EXISTS of A1Deployments.ActiveOn, and on a filter's first
/// page the capped total) on a context from the portal's own factory, but without the service's jurisdiction and scope
/// look-ups. It separates the cost of EF Core itself from the cost of the service.
/// </summary>
internal sealed class EfPageQueries(IDbContextFactory<AppDbContext> dbFactory, DateOnly today)
{
    /// <summary>A filter's first page and its capped total, the two queries the service sends for it.</summary>
    public async Task<List<WorkerListItem>> FirstPageAsync(int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await PageAsync(db, db.Workers, pageSize, ct);
        _ = await db.Workers.Take(WorkerService.CountCap + 1).CountAsync(ct);
        return rows;
    }

    public async Task<List<WorkerListItem>> AfterAsync(string fullName, Guid id, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var after = db.Workers.Where(w => EF.Functions.GreaterThan(ValueTuple.Create(w.FullName, w.Id), ValueTuple.Create(fullName, id)));
        return await PageAsync(db, after, pageSize, ct);
    }

    private async Task<List<WorkerListItem>> PageAsync(AppDbContext db, IQueryable<FrontlineWorker> workers, int pageSize, CancellationToken ct)
    {
        var active = db.Deployments.Where(A1Deployments.ActiveOn(today));
        var rows = await workers
            .OrderBy(w => w.FullName).ThenBy(w => w.Id)
            .Take(pageSize + 1)
            .Select(w => new WorkerListItem(
                w.Id, w.FullName, w.Gender, w.NationalId, w.Mobile, w.UnitId, w.Unit!.Name, w.Category, w.PoliticalStatus,
                w.Position, active.Any(d => d.WorkerId == w.Id), w.UpdatedAt))
            .AsNoTracking()
            .ToListAsync(ct);
        if (rows.Count > pageSize) rows.RemoveAt(rows.Count - 1);
        return rows;
    }
}
