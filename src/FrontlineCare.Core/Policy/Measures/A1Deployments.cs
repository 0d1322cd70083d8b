using System.Linq.Expressions;
using FrontlineCare.Core.Features.Deployments;

namespace FrontlineCare.Core.Policy.Measures;

/// <summary>
/// A1 — the registry of frontline deployments (ZJ1, HN2, GZ1). One person is at one post at a time:
/// two deployments of the same worker may not share a day. Days are inclusive; an open end runs forever.
/// </summary>
public static class A1Deployments
{
    /// <summary>"Deployed on this day": started, and not yet ended (an open end never ends). Translates to SQL.</summary>
    public static Expression<Func<Deployment, bool>> ActiveOn(DateOnly day) =>
        d => d.StartDate <= day && (d.EndDate == null || d.EndDate >= day);

    public static bool Overlaps(DateOnly startA, DateOnly? endA, DateOnly startB, DateOnly? endB) =>
        startA <= (endB ?? DateOnly.MaxValue) && startB <= (endA ?? DateOnly.MaxValue);

    /// <summary>The first existing deployment that shares a day with the proposed one, if any.</summary>
    public static Deployment? FindOverlap(IEnumerable<Deployment> existing, DateOnly start, DateOnly? end, Guid? ignoreId = null) =>
        existing
            .Where(d => d.Id != ignoreId && Overlaps(d.StartDate, d.EndDate, start, end))
            .OrderBy(d => d.StartDate)
            .FirstOrDefault();
}
