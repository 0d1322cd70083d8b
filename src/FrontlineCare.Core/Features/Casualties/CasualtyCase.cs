using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Casualties;

public enum WorkInjuryDecision
{
    Recognised,
    NotRecognised,
}

/// <summary>
/// A person infected, injured, disabled or killed on duty (D5): the work-injury claim with its dates, the death-on-duty
/// or martyr steps, and the family liaison (E4) with its follow-ups. Sensitive throughout: only the organisation
/// department and unit committees see it, and each view is written to the audit trail.
/// </summary>
public sealed class CasualtyCase
{
    public const int TextMaxLength = 500;

    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public CasualtyKind Kind { get; set; }
    public CasualtyTrack Track { get; set; }
    public DateOnly OccurredOn { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public required string Description { get; set; }
    public DateOnly? UnitFiledOn { get; set; }
    public DateOnly? PersonFiledOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public WorkInjuryDecision? Decision { get; set; }
    /// <summary>E4: the named contact for the family, and how to reach them.</summary>
    public string? Liaison { get; set; }
    public string? LiaisonPhone { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public uint Version { get; set; }
}

/// <summary>A done step of the death-on-duty or martyr procedure.</summary>
public sealed class CasualtyCaseStep
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public CasualtyStep Step { get; set; }
    public DateOnly DoneOn { get; set; }
    public string? Note { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>A follow-up with the family (E4): a visit or call, by whom, what was found.</summary>
public sealed class CasualtyFollowUp
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateOnly On { get; set; }
    public required string By { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public required string Note { get; set; }
    public string? RecordedBy { get; set; }
}
