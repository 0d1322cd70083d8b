using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Subsidies;

public sealed class SubsidySheetForm
{
    public Guid? UnitId { get; set; }
    /// <summary>Any day of the month; the sheet is for the whole calendar month.</summary>
    public DateOnly? Month { get; set; }
}

public sealed record SubsidySheetSummary(
    Guid Id, Guid UnitId, string UnitName, DateOnly Month, SubsidySheetStatus Status, int People, decimal Total, DateTimeOffset GeneratedAt, uint Version);

/// <summary>A sheet with its totals by kind (they add up to <see cref="SubsidySheetSummary.Total"/>) and who did what.</summary>
public sealed record SubsidySheetView(
    SubsidySheetSummary Sheet, IReadOnlyList<SubsidyKindTotal> Totals, string? GeneratedBy, string? CheckedBy, DateTimeOffset? CheckedAt,
    string? ApprovedBy, DateTimeOffset? ApprovedAt);

public sealed record SubsidyKindTotal(SubsidyKind Kind, decimal Days, decimal Amount);

public sealed record SubsidyRowView(
    Guid Id, int Number, Guid WorkerId, string FullName, string NationalIdMasked, string UnitName, WorkerCategory Category, decimal Total,
    IReadOnlyList<SubsidyLine> Lines);

/// <summary>One person as the finance office's sheet shows them: days and amounts per kind, the total, and how it was computed.</summary>
public sealed record SubsidyExportRow(
    int Number, string FullName, string NationalIdMasked, string UnitName, WorkerCategory Category,
    decimal TierIDays, decimal TierIAmount, decimal TierIIDays, decimal TierIIAmount, decimal TopUpDays, decimal TopUpAmount,
    decimal Meal, decimal Allowance, decimal Adjustment, decimal Total, IReadOnlyList<SubsidyLine> Lines);

public sealed record SubsidyRowPage(IReadOnlyList<SubsidyRowView> Items, int Total);
