using FrontlineCare.Core.Features.Deployments;

namespace FrontlineCare.Core.Features.Duty;

/// <summary>Hours a person was on duty at a post on a day (glossary: DutyLog; measures B1, B2, B4).</summary>
public sealed class DutyLog
{
    public Guid Id { get; set; }
    public Guid DeploymentId { get; set; }
    public Deployment? Deployment { get; set; }
    /// <summary>Copied from the deployment so a person's days across posts are one indexed range.</summary>
    public Guid WorkerId { get; set; }
    public DateOnly Day { get; set; }
    public decimal Hours { get; set; }
    /// <summary>Copied from the deployment's risk class (I), kept in step when it changes: the B2 sweep reads a
    /// person's days from one covering index without joining 30 million rows to their deployments.</summary>
    public bool HighRisk { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
