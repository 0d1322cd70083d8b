using FrontlineCare.Core.Features.Units;

namespace FrontlineCare.Core.Features.Reports;

public enum ReportStatus
{
    Submitted,
    Returned,
    Accepted,
}

/// <summary>The figures of a report, computed from the unit's data for the period (B5).</summary>
public sealed record ReportFigures(
    int PeopleDeployed, int PeopleOnDuty, int PeopleRested, int PeopleOverloaded, int CasesOpen, int CasesClosed, decimal DutyHours)
{
    public static ReportFigures Sum(IEnumerable<ReportFigures> all) => all.Aggregate(new ReportFigures(0, 0, 0, 0, 0, 0, 0), (a, b) => new(
        a.PeopleDeployed + b.PeopleDeployed, a.PeopleOnDuty + b.PeopleOnDuty, a.PeopleRested + b.PeopleRested,
        a.PeopleOverloaded + b.PeopleOverloaded, a.CasesOpen + b.CasesOpen, a.CasesClosed + b.CasesClosed, a.DutyHours + b.DutyHours));
}

/// <summary>
/// A unit committee's rest & welfare status report for one period (glossary: B5 report). Created on first submit
/// with the figures frozen as they were then; returned with a comment by the organisation department, resubmitted
/// (figures recomputed), and locked once accepted. State changes live here and refuse illegal transitions.
/// </summary>
public sealed class RestWelfareReport
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public ReportStatus Status { get; set; }
    public required ReportFigures Figures { get; set; }
    public string? WelfareNotes { get; set; }
    public string? ReviewComment { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public int Submissions { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public uint Version { get; set; }

    public bool Resubmit(ReportFigures figures, string? notes, DateTimeOffset at, string? by)
    {
        if (Status != ReportStatus.Returned) return false;
        (Figures, WelfareNotes, Status, SubmittedAt, SubmittedBy) = (figures, notes, ReportStatus.Submitted, at, by);
        Submissions++;
        return true;
    }

    public bool Accept(DateTimeOffset at, string? by)
    {
        if (Status != ReportStatus.Submitted) return false;
        (Status, ReviewedAt, ReviewedBy, ReviewComment) = (ReportStatus.Accepted, at, by, null);
        return true;
    }

    public bool Return(string comment, DateTimeOffset at, string? by)
    {
        if (Status != ReportStatus.Submitted || string.IsNullOrWhiteSpace(comment)) return false;
        (Status, ReviewedAt, ReviewedBy, ReviewComment) = (ReportStatus.Returned, at, by, comment.Trim());
        return true;
    }
}
