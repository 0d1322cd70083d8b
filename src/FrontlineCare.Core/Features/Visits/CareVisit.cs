using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Funds;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Features.Visits;

public enum CareVisitStatus
{
    Planned,
    Done,
    Cancelled,
}

/// <summary>
/// A condolence visit (E1, glossary: CondolenceVisit 走访慰问) to a person or a unit: planned for a day with a leader, then
/// recorded as done with what was given — gifts, and money paid from a care fund (E2), whose spending entry it names.
/// </summary>
public sealed class CareVisit
{
    public const int TextMaxLength = 100;
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; }
    public CareVisitStatus Status { get; set; }
    public Guid? WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    /// <summary>The unit visited, or the visited person's unit.</summary>
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly PlannedOn { get; set; }
    public DateOnly? VisitedOn { get; set; }
    /// <summary>Who leads the visit (带队领导), with their post.</summary>
    public required string Leader { get; set; }
    public string? Gifts { get; set; }
    [Sensitive(SensitiveKind.Money)]
    public decimal? Amount { get; set; }
    public Guid? FundEntryId { get; set; }
    public FundEntry? FundEntry { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public uint Version { get; set; }
}
