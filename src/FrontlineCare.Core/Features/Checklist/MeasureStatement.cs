using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy;

namespace FrontlineCare.Core.Features.Checklist;

/// <summary>A unit committee's short statement on how it implemented one measure of its profile (H3), kept current.</summary>
public sealed class MeasureStatement
{
    public const int TextMaxLength = 1000;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public PolicyProfileCode Profile { get; set; }
    public int ItemNumber { get; set; }
    public required string Statement { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public uint Version { get; set; }
    public List<MeasureStatementAttachment> Attachments { get; set; } = [];
}

/// <summary>An evidence file (a PDF or an image) attached to a statement.</summary>
public sealed class MeasureStatementAttachment
{
    public Guid StatementId { get; set; }
    public Guid FileId { get; set; }
    public Files.StoredFile? File { get; set; }
}
