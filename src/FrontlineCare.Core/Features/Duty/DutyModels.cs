using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Duty;

/// <summary>A post (the place of deployments) and the week shown in the duty grid.</summary>
public sealed record DutyWeekKey(string Place, DateOnly WeekStart);

/// <summary>One row of the grid: a person deployed at the post in that week, their hours per day (null = no log),
/// the days they are deployed (others cannot be logged) and the overload findings around the week.</summary>
public sealed record DutyRow(
    Guid DeploymentId,
    Guid WorkerId,
    string WorkerName,
    RiskClass RiskClass,
    DateOnly DeployedFrom,
    DateOnly? DeployedTo,
    decimal?[] Hours,
    IReadOnlyList<OverloadFinding> Overload);

public sealed record DutyWeek(DutyWeekKey Key, IReadOnlyList<DutyRow> Rows);

/// <summary>What the grid saves: hours per deployment per day of the week (null = leave empty / remove the log).</summary>
public sealed record DutyWeekForm(DutyWeekKey Key, IReadOnlyList<DutyRowForm> Rows);

/// <summary>
/// One row to save. <paramref name="Loaded"/> is the row's hours as the user loaded the grid: when given, a cell equal
/// to it is left as stored (someone else may have changed it meanwhile), and a cell changed both here and by someone
/// else since loading is refused on that cell. Without it (an imported sheet) every cell is written as given.
/// </summary>
public sealed record DutyRowForm(Guid DeploymentId, decimal?[] Hours, decimal?[]? Loaded = null);

/// <summary>A person's last days of duty for the heat map (B4: shift lengths and consecutive days visible per person).</summary>
public sealed record DutyHistory(DateOnly From, DateOnly To, IReadOnlyDictionary<DateOnly, decimal> HoursByDay, IReadOnlyList<OverloadFinding> Overload);
