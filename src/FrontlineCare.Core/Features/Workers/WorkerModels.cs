using FrontlineCare.Core.Features.Deployments;

namespace FrontlineCare.Core.Features.Workers;

/// <summary>What the create/edit dialog and the API edit: the whole record, validated the same way on create and update.
/// On edit, a null <see cref="NationalId"/> means "unchanged" (callers who may not see the full number get it masked and
/// cannot send it back), and so does a null <see cref="SpouseId"/> while the spouse is outside the caller's jurisdiction;
/// every other null or empty optional field clears it. Blank text is refused, never a silent clear.</summary>
public sealed class WorkerForm
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }
    public string FullName { get; set; } = "";
    public Gender? Gender { get; set; }
    public string? NationalId { get; set; }
    public string Mobile { get; set; } = "";
    public Guid? UnitId { get; set; }
    public WorkerCategory? Category { get; set; }
    public PoliticalStatus? PoliticalStatus { get; set; }
    public StaffCategory? StaffCategory { get; set; }
    public string? Position { get; set; }
    public string? ProfessionalTitle { get; set; }
    public DateOnly? ServiceStartDate { get; set; }
    public Guid? SpouseId { get; set; }

    public bool IsNew => Id is null;
}

public enum WorkerSort
{
    Name,
    UpdatedAt,
}

public sealed record WorkerQuery
{
    public Guid? UnitId { get; init; }
    public WorkerCategory? Category { get; init; }
    public PoliticalStatus? PoliticalStatus { get; init; }
    public bool? DeployedNow { get; init; }
    /// <summary>A name fragment, or the digits of a national ID.</summary>
    public string? Search { get; init; }
    public WorkerSort Sort { get; init; } = WorkerSort.Name;
    public bool Descending { get; init; }
    public int PageSize { get; init; } = 20;
    /// <summary>Zero-based page for direct jumps; ignored when a cursor is given.</summary>
    public int Page { get; init; }
    /// <summary>Opaque cursor from the previous result: continue after (or before) it. Keeps deep pages fast.</summary>
    public string? After { get; init; }
    public string? Before { get; init; }
    /// <summary>Count the matching rows (capped)? Null: only on a request without a cursor.</summary>
    public bool? IncludeTotal { get; init; }
}

public sealed record WorkerListItem(
    Guid Id,
    string FullName,
    Gender Gender,
    string NationalId,
    string Mobile,
    Guid UnitId,
    string UnitName,
    WorkerCategory Category,
    PoliticalStatus PoliticalStatus,
    string? Position,
    bool DeployedNow,
    DateTimeOffset UpdatedAt);

public sealed record WorkerDetail(
    Guid Id,
    uint Version,
    string FullName,
    Gender Gender,
    string NationalId,
    bool NationalIdMasked,
    string Mobile,
    Guid UnitId,
    string UnitName,
    WorkerCategory Category,
    PoliticalStatus PoliticalStatus,
    StaffCategory StaffCategory,
    string? Position,
    string? ProfessionalTitle,
    DateOnly? ServiceStartDate,
    Guid? SpouseId,
    string? SpouseName,
    bool SpouseOutsideJurisdiction,
    bool CanEdit,
    IReadOnlyList<DeploymentItem> Deployments);

public sealed record WorkerOption(Guid Id, string FullName, string UnitName);
