using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.Nominations;

/// <summary>
/// F6 quotas and F7 caps per unit and year: the frontline participants (people of the unit with a deployment in the
/// year), the places the profile gives them, and the places held by nominations (in review, returned or approved).
/// </summary>
public sealed class QuotaService(IDbContextFactory<AppDbContext> dbFactory, UnitService units, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Every unit of the jurisdiction with frontline participants or nominations in the year, in tree order.</summary>
    public async Task<IReadOnlyList<UnitQuota>> OverviewAsync(int year, CancellationToken ct = default)
    {
        var tree = await units.TreeAsync(ct);
        if (tree.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var scope = jurisdiction.Units(db).Select(u => u.Id);
        var (from, to) = YearOf(year);
        var participants = await db.Deployments.AsNoTracking()
            .Where(d => d.StartDate <= to && (d.EndDate == null || d.EndDate >= from) && scope.Contains(d.Worker!.UnitId))
            .Select(d => new { d.Worker!.UnitId, d.WorkerId }).Distinct()
            .GroupBy(x => x.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var held = await db.Nominations.AsNoTracking()
            .Where(n => n.Year == year && n.NomineeKind == NomineeKind.Individual && Nomination.HoldsPlace.Contains(n.Status) && scope.Contains(n.UnitId))
            .GroupBy(n => new { n.UnitId, n.Kind })
            .Select(g => new { g.Key.UnitId, g.Key.Kind, Held = g.Count(), Approved = g.Count(n => n.Status == NominationStatus.Approved) })
            .ToListAsync(ct);
        var heldBy = held.ToLookup(h => h.UnitId);
        var profiles = await PolicyProfileService.AllAsync(db, clock.Today(), ct);

        var rows = new List<UnitQuota>();
        foreach (var node in tree)
        {
            var count = participants.GetValueOrDefault(node.Id);
            var mine = heldBy[node.Id].ToList();
            if (count == 0 && mine.Count == 0) continue;
            var rules = profiles[node.Profile];
            int Held(AwardKind kind) => mine.Where(h => F6F7Recognition.SharesLimit(kind).Contains(h.Kind)).Sum(h => h.Held);
            var excellent = new QuotaUse(count, F6F7Recognition.ExcellentQuota(count, rules.F6), Held(AwardKind.AnnualEvaluationExcellent));
            var caps = F6F7Recognition.CappedKinds
                .Select(k => (Kind: k, Limit: F6F7Recognition.AwardCap(k, count, rules.F7, rules.F6)))
                .Where(c => c.Limit is not null)
                .ToDictionary(c => c.Kind, c => new QuotaUse(count, c.Limit, Held(c.Kind)));
            rows.Add(new UnitQuota(node.Id, node.Name, node.Depth, count, excellent,
                mine.Where(h => h.Kind == AwardKind.AnnualEvaluationExcellent).Sum(h => h.Approved), caps));
        }
        return rows;
    }

    /// <summary>
    /// The places of a unit's quota or cap for a kind in a year: null when the kind is not limited there.
    /// <paramref name="countApprovedOnly"/> counts granted places only (the check at approval).
    /// </summary>
    public async Task<QuotaUse?> UseAsync(AppDbContext db, Guid unitId, int year, AwardKind kind, PolicyParameters rules, bool countApprovedOnly,
        CancellationToken ct, Guid? excluding = null)
    {
        var participants = await ParticipantsAsync(db, unitId, year, ct);
        if (F6F7Recognition.LimitFor(kind, participants, rules.F7, rules.F6) is not { } limit) return null;
        var group = F6F7Recognition.SharesLimit(kind);
        var statuses = countApprovedOnly ? [NominationStatus.Approved] : Nomination.HoldsPlace;
        var used = await db.Nominations.CountAsync(n => n.UnitId == unitId && n.Year == year && n.NomineeKind == NomineeKind.Individual
                                                        && group.Contains(n.Kind) && statuses.Contains(n.Status) && n.Id != excluding, ct);
        return new QuotaUse(participants, limit, used);
    }

    /// <summary>
    /// Inside the caller's transaction: takes the unit-year-kind lock (so two committees cannot both take the last
    /// place) and returns the refusal message with the numbers when the nomination does not fit, else null.
    /// </summary>
    public async Task<string?> HoldPlaceAsync(AppDbContext db, Nomination nomination, PolicyParameters rules, bool countApprovedOnly, CancellationToken ct)
    {
        if (nomination.NomineeKind != NomineeKind.Individual) return null;
        var group = string.Join(',', F6F7Recognition.SharesLimit(nomination.Kind));
        var key = $"F6F7:{nomination.UnitId}:{nomination.Year}:{group}";
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
        var use = await UseAsync(db, nomination.UnitId, nomination.Year, nomination.Kind, rules, countApprovedOnly, ct, excluding: nomination.Id);
        if (use is null || use.Allows(1)) return null;
        return nomination.Kind == AwardKind.AnnualEvaluationExcellent
            ? string.Format(Messages.QuotaExcellentFull, nomination.Year, use.Participants, rules.F6.FrontlinePercent.Value, use.Limit, use.Used)
            : string.Format(Messages.QuotaCapFull, nomination.Year, use.Participants, use.Limit, use.Used);
    }

    /// <summary>People of the unit itself with a deployment overlapping the year: its frontline participants.</summary>
    public static async Task<int> ParticipantsAsync(AppDbContext db, Guid unitId, int year, CancellationToken ct)
    {
        var (from, to) = YearOf(year);
        return await db.Deployments.AsNoTracking()
            .Where(d => d.Worker!.UnitId == unitId && d.StartDate <= to && (d.EndDate == null || d.EndDate >= from))
            .Select(d => d.WorkerId).Distinct().CountAsync(ct);
    }

    private static (DateOnly From, DateOnly To) YearOf(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
