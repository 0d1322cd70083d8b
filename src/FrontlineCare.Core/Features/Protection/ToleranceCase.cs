using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Protection;

/// <summary>
/// An error-tolerance case (G1, 容错免责) about a cadre: the facts, the criteria found one by one, and the procedure from
/// application to filing, with the outcome and a rectification plan (纠错). Restricted: only its handlers, supervisors and
/// the organisation department of the jurisdiction see it (<see cref="ProtectionAccess"/>), and each read is logged.
/// The stage changes only here, one step at a time.
/// </summary>
public sealed class ToleranceCase : IRestrictedCase
{
    public const int TextMaxLength = 1000;
    public const int ShortMaxLength = 100;

    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public ToleranceStart Start { get; set; }
    /// <summary>The day of the written application, or the day the accountability body started the case.</summary>
    public DateOnly OpenedOn { get; set; }
    /// <summary>事实: what happened.</summary>
    [Sensitive(SensitiveKind.Discipline)]
    public required string Facts { get; set; }
    /// <summary>The decision or action taken.</summary>
    [Sensitive(SensitiveKind.Discipline)]
    public required string Action { get; set; }
    /// <summary>What went wrong (程序瑕疵 or 失误).</summary>
    [Sensitive(SensitiveKind.Discipline)]
    public required string Mistake { get; set; }
    /// <summary>The loss or impact.</summary>
    [Sensitive(SensitiveKind.Discipline)]
    public required string Impact { get; set; }
    public ToleranceStage Stage { get; set; }
    public DateOnly? VerifiedOn { get; set; }
    [Sensitive(SensitiveKind.Discipline)]
    public string? VerificationNote { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>Who decided collectively (e.g. 区纪委常委会).</summary>
    public string? DecidedBy { get; set; }
    public ToleranceOutcome? Outcome { get; set; }
    [Sensitive(SensitiveKind.Discipline)]
    public string? DecisionReason { get; set; }
    public DateOnly? NotifiedOn { get; set; }
    public DateOnly? FiledOn { get; set; }
    /// <summary>The higher level it was filed with (报备).</summary>
    public string? FiledWith { get; set; }
    /// <summary>纠错: what will be put right, by when, and when it was.</summary>
    [Sensitive(SensitiveKind.Discipline)]
    public string? RectificationPlan { get; set; }
    public DateOnly? RectificationDue { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Stamped on every change, the criteria's included, so that one version guards the whole case.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
    public List<ToleranceCriterion> Criteria { get; set; } = [];

    /// <summary>Filed, and the rectification plan (if any) carried out.</summary>
    public bool Closed => Stage == ToleranceStage.Filed && (RectificationPlan is null || RectifiedOn is not null);

    /// <summary>The day of the step done last (the case's opening at first): a next step cannot be dated before it.</summary>
    public DateOnly LastStepOn => FiledOn ?? NotifiedOn ?? DecidedOn ?? VerifiedOn ?? OpenedOn;

    /// <summary>核实: the verification is done. Only from <see cref="ToleranceStage.Opened"/>.</summary>
    public ToleranceRefusal? Verify(DateOnly on, string? note) => Advance(ToleranceStage.Verified, () => (VerifiedOn, VerificationNote) = (on, note));

    /// <summary>认定: the collective decision, once verified and with every criterion settled as the outcome needs.</summary>
    public ToleranceRefusal? Decide(DateOnly on, string decidedBy, ToleranceOutcome outcome, string? reason, string? plan, DateOnly? planDue)
    {
        if (!G1ErrorTolerance.MayAdvance(Stage, ToleranceStage.Decided)) return ToleranceRefusal.OutOfOrder;
        var refusal = G1ErrorTolerance.CheckDecision(
            Criteria.Where(c => c.Condition is not null).Select(c => c.Finding).ToList(),
            Criteria.Where(c => c.Exclusion is not null).Select(c => c.Finding).ToList(), outcome);
        return refusal ?? Advance(ToleranceStage.Decided,
            () => (DecidedOn, DecidedBy, Outcome, DecisionReason, RectificationPlan, RectificationDue) = (on, decidedBy, outcome, reason, plan, planDue));
    }

    /// <summary>反馈: the written notice to the person, after the decision.</summary>
    public ToleranceRefusal? Notify(DateOnly on) => Advance(ToleranceStage.Notified, () => NotifiedOn = on);

    /// <summary>报备: filed with the higher level, after the notice.</summary>
    public ToleranceRefusal? File(DateOnly on, string filedWith) => Advance(ToleranceStage.Filed, () => (FiledOn, FiledWith) = (on, filedWith));

    private ToleranceRefusal? Advance(ToleranceStage next, Action record)
    {
        if (!G1ErrorTolerance.MayAdvance(Stage, next)) return ToleranceRefusal.OutOfOrder;
        record();
        Stage = next;
        return null;
    }
}

/// <summary>One condition or exclusion of a case, copied from the profile when the case was opened, and what it was found to be.</summary>
public sealed class ToleranceCriterion
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The condition, when this is one.</summary>
    public ToleranceCondition? Condition { get; set; }
    /// <summary>The exclusion, when this is one.</summary>
    public ToleranceExclusion? Exclusion { get; set; }
    public CriterionFinding Finding { get; set; }
    [Sensitive(SensitiveKind.Discipline)]
    public string? Note { get; set; }
    /// <summary>The evidence it rests on (a document, page, minutes).</summary>
    [Sensitive(SensitiveKind.Discipline)]
    public string? Evidence { get; set; }
    public int Order { get; set; }
}

/// <summary>A user named to handle a restricted case (G1, G2): they see and work it even from outside the organisation department.</summary>
public sealed class CaseHandler
{
    public Guid CaseId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}

/// <summary>
/// An evidence file of a case (the written application, investigation material, minutes), attached while its facts are
/// open and readable by whoever may see the case; each read is logged like opening the case.
/// </summary>
public sealed class ToleranceCaseFile
{
    public Guid CaseId { get; set; }
    public Guid FileId { get; set; }
    public Files.StoredFile? File { get; set; }
}
