namespace FrontlineCare.Core.Policy.Measures;

/// <summary>G1: what an error-tolerance case is checked against and how long each step may take, a profile's parameters.</summary>
public sealed record G1ToleranceRules(
    PolicyParameter<ToleranceCondition[]> Conditions,
    PolicyParameter<ToleranceExclusion[]> Exclusions,
    PolicyParameter<int> DecisionDays,
    PolicyParameter<int> NoticeDays,
    PolicyParameter<int> FilingDays);

/// <summary>容错条件: a condition that must hold for a mistake to be tolerated. The seeds word them differently (SX, HN9, QN7).</summary>
public enum ToleranceCondition
{
    /// <summary>为防止疫情蔓延 (SX, HN9, QN7).</summary>
    StopSpread,
    /// <summary>勇于担当、果断决策、及时处置 (SX, HN9, QN7).</summary>
    Decisive,
    /// <summary>因形势严峻、问题复杂等原因 (HN9).</summary>
    ComplexSituation,
    /// <summary>成功阻断疫情蔓延链 (QN7).</summary>
    ChainBroken,
    /// <summary>未造成社会严重影响后果 (QN7).</summary>
    NoSeriousImpact,
    /// <summary>遵纪守法: no breach of an explicit ban.</summary>
    NoBanBreached,
    /// <summary>出于公心: no improper benefit to self, others or the unit.</summary>
    NoPrivateGain,
    /// <summary>勤勉尽责: duties performed, no intent.</summary>
    DutiesPerformed,
    /// <summary>程序正当: democratic procedure, or an emergency decision on the spot reported promptly afterwards.</summary>
    EmergencyReported,
    /// <summary>知错就改: corrected actively, losses recovered.</summary>
    Corrected,
}

/// <summary>负面清单: a circumstance that rules tolerance out.</summary>
public enum ToleranceExclusion
{
    PoliticalDiscipline,
    PrivateGain,
    ActedAfterBan,
    Falsification,
    SeriousLoss,
    RepeatedMistake,
    RefusedCorrection,
}

/// <summary>What a criterion was found to be: for a condition, met or not; for an exclusion, present or not.</summary>
public enum CriterionFinding
{
    Unclear,
    Yes,
    No,
}

/// <summary>How a case began (申请或启动).</summary>
public enum ToleranceStart
{
    /// <summary>The cadre's written application.</summary>
    Application,
    /// <summary>Started by the accountability body.</summary>
    AccountabilityBody,
}

/// <summary>The procedure's steps, in order: 申请或启动 → 核实 → 认定 → 反馈 → 报备.</summary>
public enum ToleranceStage
{
    Opened,
    Verified,
    Decided,
    Notified,
    Filed,
}

/// <summary>容错处理: the decision.</summary>
public enum ToleranceOutcome
{
    /// <summary>免责.</summary>
    Exempt,
    /// <summary>从轻.</summary>
    Lighter,
    /// <summary>减轻.</summary>
    Reduced,
    /// <summary>不予容错.</summary>
    NotTolerated,
}

/// <summary>Why a decision is refused.</summary>
public enum ToleranceRefusal
{
    /// <summary>Not the next step: no decision before verification, no filing before the notice.</summary>
    OutOfOrder,
    /// <summary>A condition or exclusion is still unclear.</summary>
    Unclear,
    /// <summary>An exclusion is present: only 不予容错 may be decided.</summary>
    Excluded,
    /// <summary>A condition is not met: 免责 needs every condition.</summary>
    ConditionNotMet,
}

/// <summary>
/// G1 error tolerance (容错免责; ZJ4, SX, HN9, QN7; research §4).
/// <list type="bullet">
/// <item>A case is checked against the profile's conditions (<c>G1.conditions</c>) and exclusions (<c>G1.exclusions</c>), copied
/// onto the case when it is opened, each found yes / no / unclear.</item>
/// <item>The steps go in order — opened, verified, decided, notified, filed — one at a time: no decision before verification,
/// no filing before the written notice.</item>
/// <item>A decision needs every criterion settled (none unclear). 免责 needs every condition met and no exclusion present;
/// 从轻 or 减轻 needs no exclusion present; 不予容错 may always be decided.</item>
/// <item>Deadlines: the decision within <c>G1.decisionDays</c> of opening, the notice within <c>G1.noticeDays</c> of the
/// decision, the filing within <c>G1.filingDays</c> of the notice.</item>
/// <item>A decided 免责, 从轻 or 减轻 is shown wherever the cadre's evaluation, nomination or promotion is considered, so that
/// it is not held against them; 不予容错 is never shown there.</item>
/// </list>
/// </summary>
public static class G1ErrorTolerance
{
    /// <summary>Whether the case may move from <paramref name="stage"/> to <paramref name="next"/>: the next step only.</summary>
    public static bool MayAdvance(ToleranceStage stage, ToleranceStage next) => next == stage + 1;

    /// <summary>Why <paramref name="outcome"/> may not be decided on these findings, or null when it may.</summary>
    public static ToleranceRefusal? CheckDecision(
        IReadOnlyCollection<CriterionFinding> conditions, IReadOnlyCollection<CriterionFinding> exclusions, ToleranceOutcome outcome)
    {
        if (conditions.Concat(exclusions).Any(f => f == CriterionFinding.Unclear)) return ToleranceRefusal.Unclear;
        if (outcome == ToleranceOutcome.NotTolerated) return null;
        if (exclusions.Any(f => f == CriterionFinding.Yes)) return ToleranceRefusal.Excluded;
        if (outcome == ToleranceOutcome.Exempt && conditions.Any(f => f == CriterionFinding.No)) return ToleranceRefusal.ConditionNotMet;
        return null;
    }

    /// <summary>Whether the outcome protects the cadre (shown where their evaluation, nomination or promotion is considered).</summary>
    public static bool Tolerated(ToleranceOutcome? outcome) => outcome is ToleranceOutcome.Exempt or ToleranceOutcome.Lighter or ToleranceOutcome.Reduced;

    /// <summary>The case's deadlines so far: the decision's from opening, then the notice's and the filing's as the steps are done.</summary>
    public static IReadOnlyList<Deadline> Deadlines(DateOnly openedOn, DateOnly? decidedOn, DateOnly? notifiedOn, DateOnly? filedOn, G1ToleranceRules rules)
    {
        var list = new List<Deadline> { new(rules.DecisionDays.Key, openedOn.AddDays(rules.DecisionDays.Value), decidedOn) };
        if (decidedOn is { } decided) list.Add(new Deadline(rules.NoticeDays.Key, decided.AddDays(rules.NoticeDays.Value), notifiedOn));
        if (notifiedOn is { } notified) list.Add(new Deadline(rules.FilingDays.Key, notified.AddDays(rules.FilingDays.Value), filedOn));
        return list;
    }
}
