using FrontlineCare.Core.Features.Units;

namespace FrontlineCare.Core.Features.Rotation;

public enum RotationPlanStatus
{
    Draft,
    Published,
}

/// <summary>
/// A post's rotation for 7–28 days (B1, A4): who is on duty each day, proposed by <c>B1Rotation</c> and adjusted by
/// the user. Drafts change freely; a published plan is fixed. Publishing with under-staffed days needs a
/// confirmation, recorded with who gave it.
/// </summary>
public sealed class RotationPlan
{
    public Guid Id { get; set; }
    /// <summary>The unit whose staff made the plan: it is seen and changed within that unit's jurisdiction.</summary>
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string Place { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public int MinStaffPerDay { get; set; }
    public RotationPlanStatus Status { get; set; }
    public List<RotationAssignment> Assignments { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    /// <summary>Set when the plan was published although some days are under-staffed: who accepted that.</summary>
    public string? UnderstaffedConfirmedBy { get; set; }
    public uint Version { get; set; }
}

/// <summary>One person (by their deployment at the post) on duty on one day of a plan.</summary>
public sealed class RotationAssignment
{
    public Guid PlanId { get; set; }
    public Guid DeploymentId { get; set; }
    public DateOnly Day { get; set; }
}
