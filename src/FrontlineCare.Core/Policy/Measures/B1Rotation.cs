namespace FrontlineCare.Core.Policy.Measures;

/// <summary>Someone who can be put on a post's rotation: their deployment there, their spouse (A6), the days they can
/// work (deployed, not on approved leave, not in forced rest), and their duty just before the plan starts.</summary>
public sealed record RotationCandidate(Guid DeploymentId, Guid WorkerId, Guid? SpouseWorkerId, IReadOnlySet<DateOnly> Available, int RunBeforeStart, IReadOnlyList<DateOnly> DutyDaysBeforeStart);

public sealed record RotationLimits(int MinStaffPerDay, int MaxConsecutiveDays, int MinRestDaysPer7);

public enum RotationIssueKind
{
    /// <summary>Fewer people on the day than the post's minimum.</summary>
    Understaffed,
    /// <summary>Both spouses of a dual-worker couple on duty the same day (A6).</summary>
    CoupleSameDay,
    /// <summary>Someone on duty on a day they are not available (leave, forced rest, not deployed).</summary>
    Unavailable,
    /// <summary>Someone on more consecutive days than the B2 limit, or without the rest days B1 asks for in a 7-day window.</summary>
    NoRest,
}

/// <summary>A problem of a plan on a day; <see cref="Unavoidable"/> when the proposal had no other choice.</summary>
public sealed record RotationIssue(RotationIssueKind Kind, DateOnly Day, Guid? DeploymentId, int Count, bool Unavoidable = false);

/// <summary>
/// B1 / A4 — rotation and shift rest while keeping posts staffed (ZJ5, SX, GZ3, QN7: 轮休、调休、错时轮战; HN2:
/// 根据工作量变化调整力量). Proposes who is on duty each day of a plan: the post's minimum and no more, the people who
/// have worked least first, nobody beyond the B2 consecutive-day limit or without the profile's rest days in any
/// 7 days, and not both spouses of a couple on the same day when someone else can go (A6: 尽量不安排双职工同时到一线).
/// <see cref="Check"/> finds the same problems in a plan the user has changed.
/// </summary>
public static class B1Rotation
{
    public static (IReadOnlyDictionary<DateOnly, IReadOnlyList<Guid>> OnDuty, IReadOnlyList<RotationIssue> Issues) Propose(
        IReadOnlyList<DateOnly> days, IReadOnlyList<RotationCandidate> candidates, RotationLimits limits)
    {
        var state = candidates.ToDictionary(c => c.DeploymentId, c => new Tracker(c));
        var onDuty = new Dictionary<DateOnly, IReadOnlyList<Guid>>();
        var issues = new List<RotationIssue>();
        foreach (var day in days)
        {
            var eligible = candidates.Where(c => c.Available.Contains(day) && state[c.DeploymentId].CanWork(day, limits))
                .OrderBy(c => state[c.DeploymentId].Assigned)
                .ThenBy(c => state[c.DeploymentId].Run)
                .ThenBy(c => c.DeploymentId)
                .ToList();
            var picked = new List<RotationCandidate>();
            var deferred = new List<RotationCandidate>();
            foreach (var c in eligible)
            {
                if (picked.Count == limits.MinStaffPerDay) break;
                if (c.SpouseWorkerId is { } spouse && picked.Any(p => p.WorkerId == spouse)) deferred.Add(c);
                else picked.Add(c);
            }
            // A couple on the same day only when nobody else can make up the minimum.
            foreach (var c in deferred)
            {
                if (picked.Count == limits.MinStaffPerDay) break;
                picked.Add(c);
                issues.Add(new RotationIssue(RotationIssueKind.CoupleSameDay, day, c.DeploymentId, 2, Unavoidable: true));
            }
            if (picked.Count < limits.MinStaffPerDay)
                issues.Add(new RotationIssue(RotationIssueKind.Understaffed, day, null, picked.Count, Unavoidable: true));
            foreach (var tracker in state.Values) tracker.Close(day, picked.Any(p => p.DeploymentId == tracker.Candidate.DeploymentId));
            onDuty[day] = picked.Select(p => p.DeploymentId).ToList();
        }
        return (onDuty, issues);
    }

    /// <summary>The problems of a plan as it stands (after the user's changes).</summary>
    public static IReadOnlyList<RotationIssue> Check(
        IReadOnlyList<DateOnly> days, IReadOnlyList<RotationCandidate> candidates, IReadOnlySet<(Guid DeploymentId, DateOnly Day)> onDuty, RotationLimits limits)
    {
        var issues = new List<RotationIssue>();
        var byId = candidates.ToDictionary(c => c.DeploymentId);
        var state = candidates.ToDictionary(c => c.DeploymentId, c => new Tracker(c));
        foreach (var day in days)
        {
            var today = candidates.Where(c => onDuty.Contains((c.DeploymentId, day))).ToList();
            if (today.Count < limits.MinStaffPerDay) issues.Add(new RotationIssue(RotationIssueKind.Understaffed, day, null, today.Count));
            foreach (var c in today)
            {
                if (!c.Available.Contains(day)) issues.Add(new RotationIssue(RotationIssueKind.Unavailable, day, c.DeploymentId, 1));
                else if (!state[c.DeploymentId].CanWork(day, limits)) issues.Add(new RotationIssue(RotationIssueKind.NoRest, day, c.DeploymentId, 1));
                if (c.SpouseWorkerId is { } spouse && today.Any(o => o.WorkerId == spouse) && c.WorkerId.CompareTo(spouse) < 0)
                    issues.Add(new RotationIssue(RotationIssueKind.CoupleSameDay, day, c.DeploymentId, 2));
            }
            foreach (var tracker in state.Values) tracker.Close(day, onDuty.Contains((tracker.Candidate.DeploymentId, day)));
        }
        return issues;
    }

    /// <summary>One person's run of duty days and their duty in the last six days, as the plan goes along.</summary>
    private sealed class Tracker(RotationCandidate candidate)
    {
        private readonly List<DateOnly> _dutyDays = [.. candidate.DutyDaysBeforeStart];
        public RotationCandidate Candidate { get; } = candidate;
        public int Run { get; private set; } = candidate.RunBeforeStart;
        public int Assigned { get; private set; }

        /// <summary>Working this day keeps the run within the B2 limit and leaves the B1 rest days in the 7 days ending today.</summary>
        public bool CanWork(DateOnly day, RotationLimits limits) =>
            Run < limits.MaxConsecutiveDays && _dutyDays.Count(d => d > day.AddDays(-7) && d < day) + 1 <= 7 - limits.MinRestDaysPer7;

        public void Close(DateOnly day, bool worked)
        {
            if (worked)
            {
                Run++;
                Assigned++;
                _dutyDays.Add(day);
            }
            else
            {
                Run = 0;
            }
        }
    }
}
