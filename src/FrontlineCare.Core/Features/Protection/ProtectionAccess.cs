using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Units;
using Microsoft.EntityFrameworkCore;

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

    public static bool MayWork(ICurrentUser user, Jurisdiction jurisdiction, Unit workerUnit, IReadOnlyCollection<Guid> handlers) =>
        IsHandler(user, handlers) || (user.IsInRole(Roles.OrgDepartment) && jurisdiction.Contains(workerUnit.Path));

    private static bool IsHandler(ICurrentUser user, IReadOnlyCollection<Guid> handlers) => user.UserId is { } id && handlers.Contains(id);

    /// <summary>The ids of the cases the user may see, among those about people of the given units, as a filter for a list query.</summary>
    public static IQueryable<Guid> VisibleCaseIds(AppDbContext db, ICurrentUser user, Jurisdiction jurisdiction, IQueryable<ToleranceCase> cases)
    {
        var mine = db.CaseHandlers.Where(h => h.UserId == user.UserId).Select(h => h.CaseId);
        if (!SeesJurisdiction(user)) return cases.Where(c => mine.Contains(c.Id)).Select(c => c.Id);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        return cases.Where(c => mine.Contains(c.Id) || units.Contains(c.Worker!.UnitId)).Select(c => c.Id);
    }

    /// <summary>
    /// Whether an account may be named a handler of a case about a person of <paramref name="workerUnit"/>: an
    /// OrgDepartment, UnitCommittee or Supervisor account whose own jurisdiction holds the person.
    /// </summary>
    public static async Task<bool> MayHandleAsync(AppDbContext db, Guid userId, Unit workerUnit, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { Home = db.Units.Where(x => x.Id == u.HomeUnitId).Select(x => x.Path).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (account is null || !Jurisdiction.IsDescendant(workerUnit.Path, account.Home)) return false;
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name).ToListAsync(ct);
        return roles.Any(r => r is Roles.OrgDepartment or Roles.UnitCommittee or Roles.Supervisor);
    }
}
