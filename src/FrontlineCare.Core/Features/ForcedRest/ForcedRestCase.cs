using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.ForcedRest;

public enum ForcedRestStatus
{
    Open,
    RestScheduled,
    Rested,
    Waived,
}

/// <summary>
/// B2: a person found overloaded must be made to rest. Opened from the first finding of an episode (the kind and
/// the day it began name the case); later findings while it is open extend it; closed when the person has rested,
/// or waived with a written reason by the organisation department. State changes live here and refuse illegal
/// transitions.
/// </summary>
public sealed class ForcedRestCase
{
    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public OverloadKind Kind { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public decimal Value { get; set; }
    public int Limit { get; set; }
    public ForcedRestStatus Status { get; set; }
    public DateOnly? RestFrom { get; set; }
    public DateOnly? RestTo { get; set; }
    public string? WaiverReason { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public uint Version { get; set; }

    public bool IsClosed => Status is ForcedRestStatus.Rested or ForcedRestStatus.Waived;

    /// <summary>More overload while the case is open: the case covers it too (its period runs to the latest breach).</summary>
    public void Extend(OverloadFinding finding)
    {
        if (IsClosed) return;
        if (finding.To > PeriodTo) PeriodTo = finding.To;
        if (finding.Kind == Kind && finding.From == PeriodFrom) Value = Math.Max(Value, finding.Value);
    }

    public bool ScheduleRest(DateOnly from, DateOnly to)
    {
        if (IsClosed || to < from) return false;
        (RestFrom, RestTo, Status) = (from, to, ForcedRestStatus.RestScheduled);
        return true;
    }

    public bool MarkRested(DateTimeOffset at)
    {
        if (Status != ForcedRestStatus.RestScheduled) return false;
        (Status, ClosedAt) = (ForcedRestStatus.Rested, at);
        return true;
    }

    public bool Waive(string reason, DateTimeOffset at)
    {
        if (IsClosed || string.IsNullOrWhiteSpace(reason)) return false;
        (Status, WaiverReason, ClosedAt) = (ForcedRestStatus.Waived, reason.Trim(), at);
        return true;
    }
}
