namespace FrontlineCare.Core.Policy.Measures;

/// <summary>The route of a fast-track admission (中组部 2020-02-23 notice, policy-rules-research §5.2).</summary>
public enum FastTrackRoute
{
    /// <summary>An activist or development object whose training is under the usual minimum, outstanding at the frontline.</summary>
    ActivistShortTraining,
    /// <summary>Applied before going to, or while at, the frontline, and especially outstanding there.</summary>
    AppliedAtFrontline,
    /// <summary>Admitted by a temporary Party organisation set up at the frontline with higher approval.</summary>
    TemporaryOrganisation,
}

/// <summary>What a fast-track case is allowed to skip, each with the rule that allows it.</summary>
public enum FastTrackWaiver
{
    /// <summary>The minimum time as an activist (发展党员工作细则: ≥ 1 year of training).</summary>
    ActivistMinimum,
    /// <summary>The annual guiding plan (发展党员指导性计划).</summary>
    AnnualPlan,
}

/// <summary>F1: the parameters of fast-track admission in a profile.</summary>
public sealed record F1FastTrackRules(
    PolicyParameter<bool> QuotaExempt,
    PolicyParameter<int> ActivistMinMonths,
    PolicyParameter<int> ProbationMonths,
    PolicyParameter<int> ApprovalMaxMonths);

/// <summary>Why a fast-track case cannot be opened (null: it can).</summary>
public enum FastTrackIneligibility
{
    NoFrontlineRecord,
    NoApplication,
    NotAnActivist,
    AppliedAfterFrontline,
}

/// <summary>
/// F1 fast-track Party membership (火线入党): who may be fast-tracked by which route, what the case waives (and only
/// that), and the steps it still needs — branch vote, higher-committee approval, probation.
/// </summary>
public static class F1FastTrack
{
    /// <param name="applied">The written application's date.</param>
    /// <param name="activistSince">The day the person was made an activist, if they were.</param>
    /// <param name="frontlineFrom">The start of their first deployment, if any.</param>
    /// <param name="frontlineTo">The end of their last deployment (null while deployed).</param>
    public static FastTrackIneligibility? Check(FastTrackRoute route, DateOnly? applied, DateOnly? activistSince, DateOnly? frontlineFrom, DateOnly? frontlineTo)
    {
        if (frontlineFrom is null) return FastTrackIneligibility.NoFrontlineRecord;
        if (applied is null) return FastTrackIneligibility.NoApplication;
        return route switch
        {
            FastTrackRoute.ActivistShortTraining when activistSince is null => FastTrackIneligibility.NotAnActivist,
            FastTrackRoute.AppliedAtFrontline when frontlineTo is { } end && applied > end => FastTrackIneligibility.AppliedAfterFrontline,
            _ => null,
        };
    }

    /// <summary>What the case waives: the activist minimum when it is not yet reached on the day, and the annual plan where the profile exempts it.</summary>
    public static IReadOnlyList<FastTrackWaiver> Waivers(DateOnly? activistSince, DateOnly on, F1FastTrackRules rules)
    {
        var waivers = new List<FastTrackWaiver>();
        if (activistSince is not { } since || since.AddMonths(rules.ActivistMinMonths.Value) > on) waivers.Add(FastTrackWaiver.ActivistMinimum);
        if (rules.QuotaExempt.Value) waivers.Add(FastTrackWaiver.AnnualPlan);
        return waivers;
    }

    /// <summary>Probation runs from the branch general meeting that admitted the person (发展党员工作细则).</summary>
    public static DateOnly ProbationEnd(DateOnly branchMeeting, F1FastTrackRules rules) => branchMeeting.AddMonths(rules.ProbationMonths.Value);

    /// <summary>The day by which the higher committee should have decided.</summary>
    public static DateOnly ApprovalDue(DateOnly branchMeeting, F1FastTrackRules rules) => branchMeeting.AddMonths(rules.ApprovalMaxMonths.Value);
}
