using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Protection;

/// <summary>Opening a case, or correcting its facts before the decision.</summary>
public sealed class ToleranceCaseForm
{
    public Guid? Id { get; set; }
    public Guid? WorkerId { get; set; }
    public ToleranceStart Start { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public string? Facts { get; set; }
    public string? Action { get; set; }
    public string? Mistake { get; set; }
    public string? Impact { get; set; }
    /// <summary>Handlers named when opening (the organisation department can add more later).</summary>
    public List<Guid> Handlers { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>What one criterion was found to be.</summary>
public sealed class CriterionFindingForm
{
    public Guid CriterionId { get; set; }
    public CriterionFinding Finding { get; set; }
    public string? Note { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>The next step of the procedure, with what it records.</summary>
public sealed class ToleranceStepForm
{
    public ToleranceStage Stage { get; set; }
    public DateOnly? On { get; set; }
    /// <summary>Verification: what was found.</summary>
    public string? Note { get; set; }
    /// <summary>Decision: who decided collectively.</summary>
    public string? DecidedBy { get; set; }
    public ToleranceOutcome? Outcome { get; set; }
    public string? Reason { get; set; }
    public string? RectificationPlan { get; set; }
    public DateOnly? RectificationDue { get; set; }
    /// <summary>Filing: the higher level it was filed with.</summary>
    public string? FiledWith { get; set; }
    public uint Version { get; set; }
}

public sealed record ToleranceCaseRow(
    Guid Id, Guid WorkerId, string FullName, string UnitName, ToleranceStart Start, DateOnly OpenedOn, ToleranceStage Stage,
    ToleranceOutcome? Outcome, Deadline? NextDeadline, bool Closed, bool RectificationOverdue);

public sealed record HandlerView(Guid UserId, string DisplayName, string UserName);

/// <summary>A read or change of the case as the access log shows it (to the organisation department).</summary>
public sealed record CaseAccessEntry(DateTimeOffset At, string? UserName, string Entity, Audit.AuditAction Action, IReadOnlyList<string> Fields);

public sealed record ToleranceCaseView(
    ToleranceCase Case, string FullName, string UnitName, IReadOnlyList<ToleranceCriterion> Conditions, IReadOnlyList<ToleranceCriterion> Exclusions,
    IReadOnlyList<Deadline> Deadlines, IReadOnlyList<HandlerView> Handlers, bool MayWork, bool MayManageHandlers,
    IReadOnlyList<CaseAccessEntry>? AccessLog, IReadOnlyList<Nominations.AttachmentView> Files);

/// <summary>A tolerated case as shown where the cadre's evaluation, nomination or promotion is considered: the outcome only.</summary>
public sealed record ToleratedCaseNote(DateOnly DecidedOn, ToleranceOutcome Outcome);
