using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Units;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace FrontlineCare.Core.Features.Protection;

/// <summary>
/// Who may see and work a restricted case (G1 error tolerance, G2 clarification): its named handlers; supervisors and the
/// organisation department of the jurisdiction the person is in. A unit committee — even the person's own — sees a case
/// only as a named handler. Supervisors read; the organisation department and handlers work the case.
/// </summary>
public static class ProtectionAccess
{
    /// <summary>The roles that see every restricted case of their jurisdiction.</summary>
    public static bool SeesJurisdiction(ICurrentUser user) => user.IsInRole(Roles.OrgDepartment) || user.IsInRole(Roles.Supervisor);

    public static bool MaySee(ICurrentUser user, Jurisdiction jurisdiction, Unit workerUnit, IReadOnlyCollection<Guid> handlers) =>
        IsHandler(user, handlers) || (SeesJurisdiction(user) && jurisdiction.Contains(workerUnit.Path));

    /// <summary>Working a case: the organisation department of the jurisdiction, and named handlers — except supervisors, who only read.</summary>
    public static bool MayWork(ICurrentUser user, Jurisdiction jurisdiction, Unit workerUnit, IReadOnlyCollection<Guid> handlers) =>
        (IsHandler(user, handlers) && !user.IsInRole(Roles.Supervisor)) || (user.IsInRole(Roles.OrgDepartment) && jurisdiction.Contains(workerUnit.Path));

    /// <summary>What the caller may do with a case they may see: work it; name handlers and read its log (the organisation department).</summary>
    public readonly record struct Access(bool Works, bool ManagesHandlers);

    /// <summary>
    /// The case (with its person's unit loaded by <paramref name="query"/>) and what the caller may do with it, or the
    /// refusal: not found, or not theirs to see.
    /// </summary>
    public static async Task<(TCase? Case, Access Access, Result? Denied)> LoadAsync<TCase>(
        AppDbContext db, IQueryable<TCase> query, Guid id, bool tracked, ICurrentUser user, CancellationToken ct) where TCase : class, IRestrictedCase
    {
        var c = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return (null, default, Result.NotFound());
        var (access, denied) = await CheckAsync(db, user, c, ct);
        return denied is null ? (c, access, null) : (null, default, denied);
    }

    /// <summary>Names or removes a handler of the case: the organisation department of the jurisdiction only.</summary>
    public static async Task<Result> SetHandlerAsync<TCase>(
        AppDbContext db, IQueryable<TCase> query, Guid caseId, Guid userId, bool handles, ICurrentUser user, DateTimeOffset now, CancellationToken ct)
        where TCase : class, IRestrictedCase
    {
        var (c, access, denied) = await LoadAsync(db, query, caseId, tracked: false, user, ct);
        if (c is null) return denied!;
        if (!access.ManagesHandlers) return Result.Forbidden(Resources.Messages.ToleranceHandlersOrgDepartmentOnly);
        return await SetHandlerAsync(db, caseId, c.Worker!.Unit!, userId, handles, user, now, ct);
    }

    /// <summary>What the caller may do with the case, or the refusal when they may not see it.</summary>
    public static async Task<(Access Access, Result? Denied)> CheckAsync(AppDbContext db, ICurrentUser user, IRestrictedCase c, CancellationToken ct)
    {
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var handlers = await db.CaseHandlers.Where(h => h.CaseId == c.Id).Select(h => h.UserId).ToListAsync(ct);
        var unit = c.Worker!.Unit!;
        if (!MaySee(user, jurisdiction, unit, handlers))
            // About a person outside the jurisdiction: answered as missing. Inside it, restricted to handlers (a role rule).
            return (default, jurisdiction.Contains(unit.Path) ? Result.Forbidden(Resources.Messages.ProtectionRestricted) : Jurisdiction.Hidden());
        return (new Access(MayWork(user, jurisdiction, unit, handlers), user.IsInRole(Roles.OrgDepartment) && jurisdiction.Contains(unit.Path)), null);
    }

    private static bool IsHandler(ICurrentUser user, IReadOnlyCollection<Guid> handlers) => user.UserId is { } id && handlers.Contains(id);

    /// <summary>The ids of the cases the user may see, among those about people of the given units, as a filter for a list query.</summary>
    public static IQueryable<Guid> VisibleCaseIds<TCase>(AppDbContext db, ICurrentUser user, Jurisdiction jurisdiction, IQueryable<TCase> cases)
        where TCase : class, IRestrictedCase
    {
        var mine = db.CaseHandlers.Where(h => h.UserId == user.UserId).Select(h => h.CaseId);
        if (!SeesJurisdiction(user)) return cases.Where(c => mine.Contains(c.Id)).Select(c => c.Id);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        return cases.Where(c => mine.Contains(c.Id) || units.Contains(c.Worker!.UnitId)).Select(c => c.Id);
    }

    /// <summary>
    /// Whether an account may be named a handler of a case about a person of <paramref name="workerUnit"/>: an
    /// OrgDepartment, UnitCommittee or Supervisor account whose own jurisdiction holds the person, and whose home unit is
    /// in the naming caller's jurisdiction (no account of a level above or beside it is named, nor written to the case).
    /// </summary>
    public static async Task<bool> MayHandleAsync(AppDbContext db, Guid userId, Unit workerUnit, Jurisdiction callers, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { Home = db.Units.Where(x => x.Id == u.HomeUnitId).Select(x => x.Path).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (account is null || !Jurisdiction.IsDescendant(workerUnit.Path, account.Home) || !callers.Contains(account.Home)) return false;
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name).ToListAsync(ct);
        return roles.Any(r => r is Roles.OrgDepartment or Roles.UnitCommittee or Roles.Supervisor);
    }

    /// <summary>
    /// The case's handlers by user name, as far as the caller may know them: the caller and accounts homed in the caller's
    /// jurisdiction. A handler of a level above or beside it (named by an organisation department higher up, or before the
    /// naming rule of <see cref="MayHandleAsync"/>) is not named to the caller.
    /// </summary>
    public static async Task<IReadOnlyList<HandlerView>> HandlersAsync(AppDbContext db, Guid caseId, ICurrentUser user, CancellationToken ct)
    {
        var units = (await Jurisdiction.ForAsync(db, user, ct)).Units(db).Select(u => u.Id);
        return await db.Users.AsNoTracking()
            .Where(u => db.CaseHandlers.Any(h => h.CaseId == caseId && h.UserId == u.Id)
                        && (u.Id == user.UserId || units.Contains(u.HomeUnitId)))
            .OrderBy(u => u.UserName).Select(u => new HandlerView(u.Id, u.DisplayName, u.UserName!)).ToListAsync(ct);
    }

    /// <summary>Accounts that may be named handlers of a case about the person (for the organisation department's picker).</summary>
    public static async Task<IReadOnlyList<HandlerView>> CandidatesAsync(AppDbContext db, ICurrentUser user, Guid workerId, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return [];
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var found = await db.Workers.Where(w => w.Id == workerId).Select(w => (LTree?)w.Unit!.Path).FirstOrDefaultAsync(ct);
        if (found is not { } workerPath || !jurisdiction.Contains(workerPath) || jurisdiction.RootPath is not { } root) return [];
        string[] roles = [Roles.OrgDepartment, Roles.UnitCommittee, Roles.Supervisor];
        return await db.Users.AsNoTracking()
            .Where(u => db.Units.Any(x => x.Id == u.HomeUnitId && workerPath.IsDescendantOf(x.Path) && x.Path.IsDescendantOf(root))
                        && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && roles.Contains(x.Name!))))
            .OrderBy(u => u.UserName).Take(200)
            .Select(u => new HandlerView(u.Id, u.DisplayName, u.UserName!)).ToListAsync(ct);
    }

    /// <summary>Names or removes a handler of a case about a person of <paramref name="workerUnit"/> (saved by the caller).</summary>
    private static async Task<Result> SetHandlerAsync(AppDbContext db, Guid caseId, Unit workerUnit, Guid userId, bool handles, ICurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.CaseHandlers.FirstOrDefaultAsync(h => h.CaseId == caseId && h.UserId == userId, ct);
        if (handles && existing is null)
        {
            if (!await MayHandleAsync(db, userId, workerUnit, await Jurisdiction.ForAsync(db, user, ct), ct)) return Result.Invalid("Handlers", Resources.Messages.ToleranceHandlerNotEligible);
            db.CaseHandlers.Add(new CaseHandler { CaseId = caseId, UserId = userId, AddedAt = now, AddedBy = user.UserName });
        }
        else if (!handles && existing is not null) db.CaseHandlers.Remove(existing);
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Writes the opening of a case, or of one of its parts (<paramref name="key"/>, e.g. an evidence file), to the audit
    /// trail (who and when).
    /// </summary>
    public static async Task LogViewAsync(AppDbContext db, string entity, IRestrictedCase c, ICurrentUser user, DateTimeOffset now, CancellationToken ct, string? key = null)
    {
        db.AuditEntries.Add(new Audit.AuditEntry
        {
            At = now, UserId = user.UserId, UserName = user.UserName, Entity = entity, EntityKey = key ?? c.Id.ToString(), WorkerId = c.WorkerId,
            Action = Audit.AuditAction.View,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Who read or changed the case and its parts (by their keys; handlers by the case id), newest first.</summary>
    public static async Task<IReadOnlyList<CaseAccessEntry>> AccessLogAsync(AppDbContext db, Guid caseId, IEnumerable<Guid> partIds, CancellationToken ct)
    {
        var keys = partIds.Select(x => x.ToString()).Append(caseId.ToString()).ToList();
        var prefix = caseId + "/";
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => Audit.AuditTrail.Restricted.Contains(a.Entity) && (keys.Contains(a.EntityKey) || a.EntityKey.StartsWith(prefix)))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(500).ToListAsync(ct);
        return entries.Select(a => new CaseAccessEntry(a.At, a.UserName, a.Entity, a.Action, a.Changes.Keys.Order(StringComparer.Ordinal).ToList())).ToList();
    }
}
