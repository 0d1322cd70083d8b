using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Features.Deployments;

/// <summary>Kinds of frontline post (glossary: Post / Checkpoint / DesignatedHospital / QuarantineSite / Grid).</summary>
public enum PostKind
{
    DesignatedHospital,
    Checkpoint,
    Community,
    QuarantineSite,
    Grid,
    MedicalAidTeam,
    Other,
}

/// <summary>
/// Risk class of a deployment (A1, with the tiers of 财社〔2020〕2号): I = direct contact with confirmed or
/// suspected cases; II = other frontline epidemic work.
/// </summary>
public enum RiskClass
{
    I,
    II,
}

/// <summary>A person at a post from a start date to an optional end date (glossary: Deployment; measure A1).</summary>
public sealed class Deployment
{
    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public PostKind PostKind { get; set; }
    public required string Place { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>Inclusive last day; null while the deployment is open-ended.</summary>
    public DateOnly? EndDate { get; set; }
    public RiskClass RiskClass { get; set; }
    public string? Note { get; set; }
    /// <summary>Set when the user confirmed the A6 warning that the spouse was deployed at the same time.</summary>
    public Guid? SpouseWarningConfirmedBy { get; set; }
    public DateTimeOffset? SpouseWarningConfirmedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
