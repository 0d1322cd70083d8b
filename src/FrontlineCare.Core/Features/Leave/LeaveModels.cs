using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Leave;

/// <summary>One day of a holiday calendar that differs from the plain week. National when <see cref="Profile"/> is
/// null; a profile's own day on the same date overrides the national one for that profile.</summary>
public sealed class HolidayCalendarDay
{
    public Guid Id { get; set; }
    public PolicyProfileCode? Profile { get; set; }
    public DateOnly Day { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Source { get; set; }
}

/// <summary>A person's compensatory-leave balance (B3). Kept equal to the sum of their ledger entries and never
/// below zero (a database check): every entry changes it with one conditional UPDATE in the entry's transaction,
/// so two people granting leave at the same moment cannot overdraw it.</summary>
public sealed class LeaveAccount
{
    public Guid WorkerId { get; set; }
    public decimal BalanceDays { get; set; }
}

public enum LeaveEntryKind
{
    /// <summary>Earned by duty on a rest day or holiday (negative when that duty was corrected away).</summary>
    Accrued,
    /// <summary>Added by hand, with a reason.</summary>
    Added,
    /// <summary>Leave approved for dates; "taken" once those dates have passed.</summary>
    Granted,
    /// <summary>Paid instead of leave (公务员法 第八十二条: 不能补休的按照国家规定给予补助).</summary>
    PaidInLieu,
    /// <summary>Unspent days whose carry-over period ended.</summary>
    Expired,
}

/// <summary>One line of the compensatory-leave ledger. Never edited or deleted: a mistake is corrected by a new entry.</summary>
public sealed class LeaveEntry
{
    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public LeaveEntryKind Kind { get; set; }
    /// <summary>Signed: positive owed to the person, negative spent or expired.</summary>
    public decimal Days { get; set; }
    /// <summary>The day it concerns: the duty day of an accrual, the first leave day of a grant, the cut-off of an expiry.</summary>
    public DateOnly Day { get; set; }
    public DateOnly? LeaveTo { get; set; }
    public required string Reason { get; set; }
    public Guid? RequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public enum LeaveKind
{
    /// <summary>补休: spends owed compensatory days.</summary>
    CompensatoryLeave,
    /// <summary>年休假: within the year's entitlement.</summary>
    AnnualLeave,
    /// <summary>轮休 / 强制休息: rest days that spend no balance.</summary>
    Rest,
}

public enum LeaveRequestStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>A worker's request for rest or leave, entered by unit staff and approved or refused by the unit committee.</summary>
public sealed class LeaveRequest
{
    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public LeaveKind Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    /// <summary>Working days in the range (rest days and holidays are not counted), by the holiday calendar.</summary>
    public decimal Days { get; set; }
    public required string Reason { get; set; }
    public LeaveRequestStatus Status { get; set; }
    public string? DecisionComment { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public uint Version { get; set; }
}
