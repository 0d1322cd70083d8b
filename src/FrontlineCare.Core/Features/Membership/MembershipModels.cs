using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Membership;

/// <summary>A person's way towards Party membership as the branch tracks it (applicant, activist, training, contacts).</summary>
public sealed class MembershipTrack
{
    public const int TextMaxLength = 100;

    public Guid WorkerId { get; set; }
    /// <summary>The date of the written application (入党申请书).</summary>
    public DateOnly? AppliedOn { get; set; }
    /// <summary>The day the branch made them an activist (确定为入党积极分子).</summary>
    public DateOnly? ActivistSince { get; set; }
    public decimal TrainingHours { get; set; }
    /// <summary>培养联系人: the two members who guide and assess them.</summary>
    public string? Contacts { get; set; }
    public uint Version { get; set; }
}

public enum FastTrackStatus
{
    /// <summary>Opened by the branch's committee; the branch general meeting has not voted.</summary>
    Open,
    BranchVoted,
    /// <summary>Approved by the higher committee: a probationary member from the branch meeting.</summary>
    Approved,
    Refused,
}

/// <summary>
/// A fast-track admission (glossary: FastTrackMembership, F1). It records the route, what it waives and the rule that
/// waives it, and keeps the steps the rules do not waive: the branch general meeting's vote (more than half of the
/// members entitled to vote), then the higher committee's approval, then a year's probation. Transitions are refused
/// out of order.
/// </summary>
public sealed class FastTrackCase
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public FastTrackRoute Route { get; set; }
    public required string Deeds { get; set; }
    public bool WaivesActivistMinimum { get; set; }
    /// <summary>Outside the annual guiding plan (发展党员指导性计划): quota-exempt, as the profile allows.</summary>
    public bool OutsideAnnualPlan { get; set; }
    public FastTrackStatus Status { get; set; }
    public Guid OpeningUnitId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public string? OpenedBy { get; set; }
    public DateOnly? BranchMeetingOn { get; set; }
    public int? EligibleMembers { get; set; }
    public int? VotesFor { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public Guid? DecidingUnitId { get; set; }
    public string? DecisionComment { get; set; }
    public DateOnly? ProbationEnds { get; set; }
    public uint Version { get; set; }

    /// <summary>The branch general meeting: passed with more than half of the members entitled to vote in favour.</summary>
    public bool RecordBranchVote(DateOnly on, int eligible, int votesFor)
    {
        if (Status != FastTrackStatus.Open || eligible <= 0 || votesFor < 0 || votesFor > eligible) return false;
        (BranchMeetingOn, EligibleMembers, VotesFor) = (on, eligible, votesFor);
        Status = votesFor * 2 > eligible ? FastTrackStatus.BranchVoted : FastTrackStatus.Refused;
        return true;
    }

    /// <summary>The higher committee's decision, after the branch vote; approval starts the probation at the branch meeting.</summary>
    public bool Decide(bool approve, DateOnly on, string? comment, string? by, Guid unitId, F1FastTrackRules rules)
    {
        if (Status != FastTrackStatus.BranchVoted || on < BranchMeetingOn || (!approve && string.IsNullOrWhiteSpace(comment))) return false;
        (DecidedOn, DecidedBy, DecidingUnitId, DecisionComment) = (on, by, unitId, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        Status = approve ? FastTrackStatus.Approved : FastTrackStatus.Refused;
        if (approve) ProbationEnds = F1FastTrack.ProbationEnd(BranchMeetingOn!.Value, rules);
        return true;
    }
}

public sealed class MembershipTrackForm
{
    public Guid WorkerId { get; set; }
    public DateTime? AppliedOn { get; set; }
    public DateTime? ActivistSince { get; set; }
    public decimal TrainingHours { get; set; }
    public string? Contacts { get; set; }
    public uint Version { get; set; }
}

public sealed class FastTrackForm
{
    public Guid WorkerId { get; set; }
    public FastTrackRoute Route { get; set; }
    public string? Deeds { get; set; }
}

public sealed record BranchVoteForm(Guid CaseId, uint Version, DateTime? MeetingOn, int Eligible, int VotesFor);

public sealed record FastTrackDecisionForm(Guid CaseId, uint Version, bool Approve, DateTime? On, string? Comment);

/// <summary>A fast-track case as the pages show it, with what the caller may do next and whether approval is overdue.</summary>
public sealed record FastTrackView(
    FastTrackCase Case, string WorkerName, string UnitName, string OpeningUnitName, string? DecidingUnitName,
    IReadOnlyList<FastTrackWaiver> Waivers, DateOnly? ApprovalDue, bool ApprovalOverdue, bool CanVote, bool CanDecide);

/// <summary>The worker page's membership panel: the track and the person's fast-track cases.</summary>
public sealed record MembershipSummary(
    Guid WorkerId, PoliticalStatus Status, MembershipTrack? Track, IReadOnlyList<FastTrackView> Cases, bool CanEdit, int ActivistMinMonths);
