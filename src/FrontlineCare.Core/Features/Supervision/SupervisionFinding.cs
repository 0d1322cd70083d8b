using FrontlineCare.Core.Features.Units;

namespace FrontlineCare.Core.Features.Supervision;

/// <summary>
/// A problem inspectors found at a unit (H4, 问题清单): who found it, who owns the fix, by when; the unit's rectification
/// records; and the organisation department's closing (销号).
/// </summary>
public sealed class SupervisionFinding
{
    public const int TextMaxLength = 1000;
    public const int ShortMaxLength = 100;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly FoundOn { get; set; }
    /// <summary>Who found it (督查组, 暗访组 …).</summary>
    public required string Inspector { get; set; }
    public required string Problem { get; set; }
    /// <summary>Who answers for the rectification.</summary>
    public required string Owner { get; set; }
    public DateOnly Deadline { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>What the unit did about a finding, and when.</summary>
public sealed class FindingRectification
{
    public Guid Id { get; set; }
    public Guid FindingId { get; set; }
    public DateOnly On { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
