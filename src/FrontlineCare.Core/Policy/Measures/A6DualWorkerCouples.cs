using FrontlineCare.Core.Features.Deployments;

namespace FrontlineCare.Core.Policy.Measures;

/// <summary>
/// A6 — avoid sending both spouses to the frontline at the same time, and help dual-frontline couples
/// (HN5 "尽量不安排双职工的党员干部同时到防控一线工作", SX). The portal warns and asks for confirmation; it never blocks,
/// because a post may have no one else. Whether a profile warns is the parameter
/// <see cref="PolicyParameters.A6WarnWhenSpouseDeployed"/>.
/// </summary>
public static class A6DualWorkerCouples
{
    /// <summary>The spouse's deployment that shares a day with the proposed one, if any.</summary>
    public static Deployment? ConcurrentSpouseDeployment(
        IEnumerable<Deployment> spouseDeployments, DateOnly start, DateOnly? end) =>
        A1Deployments.FindOverlap(spouseDeployments, start, end);
}
