namespace FrontlineCare.Core.Policy.Measures;

/// <summary>D5 / E4: the deadlines of a work-injury claim and how often a liaison follows up, a profile's parameters.</summary>
public sealed record D5CaseRules(
    PolicyParameter<int> UnitClaimDays,
    PolicyParameter<int> PersonClaimMonths,
    PolicyParameter<int> DecisionDays,
    PolicyParameter<int> FollowUpDays);

/// <summary>What happened to the person on duty (glossary: WorkInjury / DeathOnDuty / Martyr).</summary>
public enum CasualtyKind
{
    /// <summary>Infected while performing epidemic duties (人社部函〔2020〕11号: recognised as work injury).</summary>
    Infection,
    Injury,
    Disability,
    Death,
}

/// <summary>The procedure a case follows besides the work-injury claim.</summary>
public enum CasualtyTrack
{
    /// <summary>Work-injury claim only (工伤认定).</summary>
    WorkInjury,
    /// <summary>因公牺牲: death on duty of a public employee.</summary>
    DeathOnDuty,
    /// <summary>烈士: martyr evaluation (烈士褒扬条例).</summary>
    Martyr,
}

/// <summary>A step of a death-on-duty or martyr procedure, in order.</summary>
public enum CasualtyStep
{
    // 因公牺牲 (民发〔2011〕192号; 人社部〔2008〕42号)
    DeathOnDutyApplied,
    DeathOnDutyApproved,
    DeathOnDutyPensionPaid,
    // 烈士 (烈士褒扬条例 第九条, 第十四条)
    MartyrCountyReported,
    MartyrProvinceReviewed,
    MartyrMinistryDecided,
    MartyrGrantPaid,
}

/// <summary>A deadline and how it stands on a day: days left (negative when overdue), or met.</summary>
public sealed record Deadline(string Rule, DateOnly Due, DateOnly? MetOn)
{
    public int DaysLeft(DateOnly today) => Due.DayNumber - today.DayNumber;
    public bool Overdue(DateOnly today) => MetOn is null && today > Due;
}

/// <summary>
/// D5 injury, illness and death on duty, and the E4 liaison with the family.
/// <list type="bullet">
/// <item>Work-injury claim (工伤保险条例 第十七条): the unit applies within <c>D5.unitClaimDays</c> of the event; if it has not,
/// the person or family may within <c>D5.personClaimMonths</c>. Decision (第二十条) within <c>D5.decisionDays</c> of acceptance.</item>
/// <item>Death on duty and martyr evaluation follow their steps in order; a step is done once, after the one before.</item>
/// <item>A case with a liaison is followed up every <c>E4.followUpDays</c>: the next is due that long after the last (or
/// after the case was opened) and is overdue after that.</item>
/// </list>
/// </summary>
public static class D5Casualties
{
    public static IReadOnlyList<CasualtyStep> Steps(CasualtyTrack track) => track switch
    {
        CasualtyTrack.DeathOnDuty => [CasualtyStep.DeathOnDutyApplied, CasualtyStep.DeathOnDutyApproved, CasualtyStep.DeathOnDutyPensionPaid],
        CasualtyTrack.Martyr => [CasualtyStep.MartyrCountyReported, CasualtyStep.MartyrProvinceReviewed, CasualtyStep.MartyrMinistryDecided, CasualtyStep.MartyrGrantPaid],
        _ => [],
    };

    /// <summary>
    /// The claim's deadlines on a case: the unit's; while the unit has not applied, the person's (once the person or
    /// family has applied, the unit's deadline no longer stands); once accepted, the decision's.
    /// </summary>
    public static IReadOnlyList<Deadline> ClaimDeadlines(DateOnly occurredOn, DateOnly? unitFiledOn, DateOnly? personFiledOn, DateOnly? acceptedOn, DateOnly? decidedOn, D5CaseRules rules)
    {
        var list = new List<Deadline>();
        if (unitFiledOn is not null || personFiledOn is null)
            list.Add(new Deadline(rules.UnitClaimDays.Key, occurredOn.AddDays(rules.UnitClaimDays.Value), unitFiledOn));
        if (unitFiledOn is null)
            list.Add(new Deadline(rules.PersonClaimMonths.Key, occurredOn.AddMonths(rules.PersonClaimMonths.Value), personFiledOn));
        if (acceptedOn is { } accepted)
            list.Add(new Deadline(rules.DecisionDays.Key, accepted.AddDays(rules.DecisionDays.Value), decidedOn));
        return list;
    }

    /// <summary>When the next follow-up with the family is due.</summary>
    public static DateOnly NextFollowUp(DateOnly openedOn, DateOnly? lastFollowUp, D5CaseRules rules) =>
        (lastFollowUp ?? openedOn).AddDays(rules.FollowUpDays.Value);

    /// <summary>Whether a step may be marked done: it belongs to the track, is not done yet, and the one before it is.</summary>
    public static bool MayComplete(CasualtyTrack track, CasualtyStep step, IReadOnlyCollection<CasualtyStep> done)
    {
        var steps = Steps(track);
        var at = steps.ToList().IndexOf(step);
        return at >= 0 && !done.Contains(step) && (at == 0 || done.Contains(steps[at - 1]));
    }
}
