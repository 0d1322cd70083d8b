using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Features.Reports;
using FrontlineCare.Core.Policy.Measures;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.Home;

public sealed record EndingDeployment(Guid WorkerId, string WorkerName, string Place, DateOnly EndDate);
/// <summary>A couple both at the frontline; the spouse is named only when in the caller's jurisdiction (else null).</summary>
public sealed record CoupleDeployed(Guid WorkerId, string WorkerName, Guid? SpouseId, string? SpouseName);

/// <summary>What needs the user now, within their jurisdiction. Later capabilities add their tiles here.</summary>
public sealed record HomeSummary(
    int Workers, int DeployedNow, IReadOnlyList<EndingDeployment> EndingThisWeek, IReadOnlyList<CoupleDeployed> CouplesDeployed,
    int OpenForcedRest, int OverdueForcedRest, int PendingLeaveRequests, int OverdueReports, int OverdueFindings, int SpouseLinksAttention = 0);

public sealed class HomeService(
    IDbContextFactory<AppDbContext> dbFactory, ForcedRestService forcedRest, RestWelfareReportService reports, Supervision.SupervisionService supervision,
    Couples.SpouseLinkService spouseLinks,
    ICurrentUser user, TimeProvider clock)
{
    public async Task<HomeSummary> SummaryAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var workers = db.Workers.Where(w => units.Contains(w.UnitId));
        var today = clock.Today();
        var weekEnd = today.AddDays(7);
        var active = db.Deployments.Where(A1Deployments.ActiveOn(today));

        var total = await workers.CountAsync(ct);
        var deployed = await workers.CountAsync(w => active.Any(d => d.WorkerId == w.Id), ct);
        var ending = await (
                from d in active
                join w in workers on d.WorkerId equals w.Id
                where d.EndDate != null && d.EndDate <= weekEnd
                orderby d.EndDate, w.FullName
                select new EndingDeployment(w.Id, w.FullName, d.Place, d.EndDate!.Value))
            .Take(50).AsNoTracking().ToListAsync(ct);
        // A6: both spouses at the frontline today; each couple is listed once.
        // A spouse outside the jurisdiction counts (the couple is at the frontline) but is named by nothing.
        var pairs = await (
                from w in workers
                join s in db.Workers on w.SpouseId equals s.Id
                where active.Any(d => d.WorkerId == w.Id) && active.Any(d => d.WorkerId == s.Id)
                orderby w.FullName
                select new CoupleDeployed(w.Id, w.FullName, units.Contains(s.UnitId) ? s.Id : null, units.Contains(s.UnitId) ? s.FullName : null))
            .Take(100).AsNoTracking().ToListAsync(ct);
        var couples = pairs.DistinctBy(p => p.SpouseId is not { } sid ? (p.WorkerId, Guid.Empty) : p.WorkerId.CompareTo(sid) < 0 ? (p.WorkerId, sid) : (sid, p.WorkerId))
            .ToList();
        var cases = await forcedRest.ListAsync(openOnly: true, ct: ct);
        var pendingLeave = await db.LeaveRequests.CountAsync(r => r.Status == LeaveRequestStatus.Pending && workers.Any(w => w.Id == r.WorkerId), ct);
        var overdueReports = (await reports.OverdueAsync(ct)).Count;
        var overdueFindings = await supervision.OverdueCountAsync(ct);
        var spouseLinksAttention = await spouseLinks.AttentionCountAsync(ct);
        return new HomeSummary(total, deployed, ending, couples, cases.Count, cases.Count(c => c.Overdue), pendingLeave, overdueReports, overdueFindings,
            spouseLinksAttention);
    }
}
