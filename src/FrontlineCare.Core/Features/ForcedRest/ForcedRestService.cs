using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.ForcedRest;

public sealed record ForcedRestItem(
    Guid Id, uint Version, Guid WorkerId, string WorkerName, string UnitName, OverloadFinding Finding,
    ForcedRestStatus Status, DateOnly? RestFrom, DateOnly? RestTo, string? WaiverReason, DateTimeOffset OpenedAt, bool Overdue);

/// <summary>B2 forced-rest cases of the caller's jurisdiction: opened from overload findings, closed by rest or waiver.</summary>
public sealed class ForcedRestService(IDbContextFactory<AppDbContext> dbFactory, PolicyProfileService policies, ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// Opens a case for each person's overload, or adds new findings to the case already open for them: one person,
    /// one open case per episode, not one per day. Findings that ended before the person's last rest (or waiver)
    /// are settled and never reopen a case. Idempotent; reads everyone's cases in one query; the caller saves.
    /// </summary>
    public static async Task OpenOrExtendAsync(
        AppDbContext db, IReadOnlyDictionary<Guid, IReadOnlyList<OverloadFinding>> findingsByWorker, DateTimeOffset now, CancellationToken ct)
    {
        var overloaded = findingsByWorker.Where(f => f.Value.Count > 0).Select(f => f.Key).ToList();
        if (overloaded.Count == 0) return;
        var casesByWorker = (await db.ForcedRestCases.Where(c => overloaded.Contains(c.WorkerId)).ToListAsync(ct)).ToLookup(c => c.WorkerId);
        foreach (var workerId in overloaded)
        {
            var cases = casesByWorker[workerId].ToList();
            var settledUntil = cases.Where(c => c.IsClosed)
                .Select(c => c.RestTo ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.ClosedAt!.Value, Clock.ChinaTime).DateTime))
                .DefaultIfEmpty(DateOnly.MinValue)
                .Max();
            var fresh = findingsByWorker[workerId].Where(f => f.To > settledUntil).OrderBy(f => f.From).ThenBy(f => f.Kind).ToList();
            if (fresh.Count == 0) continue;

            var open = cases.FirstOrDefault(c => !c.IsClosed);
            if (open is not null)
            {
                foreach (var finding in fresh) open.Extend(finding);
                continue;
            }
            var first = fresh[0];
            db.ForcedRestCases.Add(new ForcedRestCase
            {
                Id = Guid.CreateVersion7(), WorkerId = workerId, Kind = first.Kind, PeriodFrom = first.From,
                PeriodTo = fresh.Max(f => f.To), Value = first.Value, Limit = first.Limit, Status = ForcedRestStatus.Open, OpenedAt = now,
            });
        }
    }

    public async Task<IReadOnlyList<ForcedRestItem>> ListAsync(bool openOnly = true, Guid? workerId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        var cases = await db.ForcedRestCases.AsNoTracking()
            .Include(c => c.Worker).ThenInclude(w => w!.Unit)
            .Where(c => scope.Contains(c.Worker!.UnitId) && (workerId == null || c.WorkerId == workerId) && (!openOnly || c.Status == ForcedRestStatus.Open || c.Status == ForcedRestStatus.RestScheduled))
            .OrderBy(c => c.OpenedAt)
            .Take(500)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var grace = new Dictionary<Guid, int>();
        var items = new List<ForcedRestItem>(cases.Count);
        foreach (var c in cases)
        {
            if (!grace.TryGetValue(c.Worker!.UnitId, out var days))
                grace[c.Worker.UnitId] = days = (await policies.ForUnitAsync(db, c.Worker.Unit!, ct)).B2.ForcedRestGraceDays.Value;
            items.Add(new ForcedRestItem(c.Id, c.Version, c.WorkerId, c.Worker.FullName, c.Worker.Unit!.Name,
                new OverloadFinding(c.Kind, c.PeriodFrom, c.PeriodTo, c.Value, c.Limit), c.Status, c.RestFrom, c.RestTo, c.WaiverReason,
                c.OpenedAt, c.Status == ForcedRestStatus.Open && now - c.OpenedAt > TimeSpan.FromDays(days)));
        }
        return items;
    }

    public Task<Result> ScheduleRestAsync(Guid id, DateOnly? from, DateOnly? to, uint version, CancellationToken ct = default) =>
        ChangeAsync(id, version, orgDepartmentOnly: false, c => from is { } f && to is { } t && t >= f
            ? c.ScheduleRest(f, t) ? null : Result.Conflict(Messages.ForcedRestIllegal)
            : Result.Invalid("Rest", Messages.RestDatesInvalid), ct);

    public Task<Result> MarkRestedAsync(Guid id, uint version, CancellationToken ct = default) =>
        ChangeAsync(id, version, orgDepartmentOnly: false, c => c.MarkRested(clock.GetUtcNow()) ? null : Result.Conflict(Messages.ForcedRestIllegal), ct);

    public Task<Result> WaiveAsync(Guid id, string? reason, uint version, CancellationToken ct = default) =>
        ChangeAsync(id, version, orgDepartmentOnly: true, c => string.IsNullOrWhiteSpace(reason)
            ? Result.Invalid("WaiverReason", Messages.WaiverReasonRequired)
            : c.Waive(reason, clock.GetUtcNow()) ? null : Result.Conflict(Messages.ForcedRestIllegal), ct);

    private async Task<Result> ChangeAsync(Guid id, uint version, bool orgDepartmentOnly, Func<ForcedRestCase, Result?> change, CancellationToken ct)
    {
        if (orgDepartmentOnly && !user.IsInRole(Roles.OrgDepartment)) return Result.Forbidden(Messages.OrgDepartmentOnly);
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var @case = await db.ForcedRestCases.Include(c => c.Worker).ThenInclude(w => w!.Unit).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(@case.Worker!.Unit!.Path)) return Jurisdiction.Hidden();
        db.Entry(@case).Property(c => c.Version).OriginalValue = version;
        if (change(@case) is { } refused) return refused;
        return await db.SaveOrConflictAsync(ct);
    }
}
