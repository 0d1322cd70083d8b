using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Subsidies;

public enum SubsidySheetStatus
{
    Draft,
    Checked,
    Approved,
}

/// <summary>
/// A month's subsidy pay sheet (D1, D2) for a unit and everything under it: draft → checked → approved. A draft is
/// regenerated from the data at will; an approved sheet is frozen — later changes to its month's data become adjustment
/// lines of the unit's next sheet. Its rows and lines are written by the generator only, never edited.
/// </summary>
public sealed class SubsidySheet
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public SubsidySheetStatus Status { get; set; }
    public int People { get; set; }
    public decimal Total { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    public string? GeneratedBy { get; set; }
    public DateTimeOffset? CheckedAt { get; set; }
    public string? CheckedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public uint Version { get; set; }

    public bool Check(DateTimeOffset at, string? by)
    {
        if (Status != SubsidySheetStatus.Draft) return false;
        (Status, CheckedAt, CheckedBy) = (SubsidySheetStatus.Checked, at, by);
        return true;
    }

    public bool Reopen()
    {
        if (Status != SubsidySheetStatus.Checked) return false;
        (Status, CheckedAt, CheckedBy) = (SubsidySheetStatus.Draft, null, null);
        return true;
    }

    public bool Approve(DateTimeOffset at, string? by)
    {
        if (Status != SubsidySheetStatus.Checked) return false;
        (Status, ApprovedAt, ApprovedBy) = (SubsidySheetStatus.Approved, at, by);
        return true;
    }
}

/// <summary>One person on a sheet, as they were when it was generated (name, masked ID, unit), with their total.</summary>
public sealed class SubsidySheetRow
{
    public Guid Id { get; set; }
    public Guid SheetId { get; set; }
    public Guid WorkerId { get; set; }
    /// <summary>序号: the row's place in the sheet (by unit, then name).</summary>
    public int Number { get; set; }
    public required string FullName { get; set; }
    public required string NationalIdMasked { get; set; }
    public required string UnitName { get; set; }
    public WorkerCategory Category { get; set; }
    public decimal Total { get; set; }
}

/// <summary>
/// What one line pays and how: days × rate × multiplier (or, for the allowance, days ÷ days of the month × monthly rate),
/// the parameter and its source; an adjustment names the approved month it corrects.
/// </summary>
public sealed class SubsidyLine
{
    public Guid Id { get; set; }
    public Guid SheetId { get; set; }
    public Guid RowId { get; set; }
    public SubsidyKind Kind { get; set; }
    public decimal Days { get; set; }
    public decimal Rate { get; set; }
    public int MultiplierPercent { get; set; }
    public decimal Amount { get; set; }
    public required string ParameterKey { get; set; }
    public required string Source { get; set; }
    public DateOnly? AdjustsMonth { get; set; }
    /// <summary>For an adjustment: what the corrected month comes to now, and what was paid for it so far.</summary>
    public decimal? Recomputed { get; set; }
    public decimal? Paid { get; set; }
}
