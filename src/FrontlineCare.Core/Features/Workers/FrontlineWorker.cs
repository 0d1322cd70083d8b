using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Units;

namespace FrontlineCare.Core.Features.Workers;

public enum Gender
{
    Male,
    Female,
}

public enum WorkerCategory
{
    MedicalWorker,
    PartyCadre,
    CommunityCadre,
    Volunteer,
    Police,
    Other,
}

/// <summary>Which statute's award ladder applies to a person (F7): 公务员/参公, 事业单位, or neither (村社区干部, volunteers …).</summary>
public enum StaffCategory
{
    Other,
    CivilServant,
    PublicInstitution,
}

public enum PoliticalStatus
{
    PartyMember,
    Activist,
    Applicant,
    Masses,
}

/// <summary>A person registered in the portal (glossary: FrontlineWorker).</summary>
public sealed class FrontlineWorker
{
    public Guid Id { get; set; }
    public required string FullName { get; set; }
    public Gender Gender { get; set; }
    [Sensitive(SensitiveKind.NationalId)]
    public required string NationalId { get; set; }
    [Sensitive(SensitiveKind.Mobile)]
    public required string Mobile { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public WorkerCategory Category { get; set; }
    public PoliticalStatus PoliticalStatus { get; set; }
    public StaffCategory StaffCategory { get; set; } = StaffCategory.Other;
    public string? Position { get; set; }
    public string? ProfessionalTitle { get; set; }
    /// <summary>参加工作时间: the start of cumulative service, for annual-leave entitlement (B3).</summary>
    public DateOnly? ServiceStartDate { get; set; }
    /// <summary>The spouse, when they are also registered (A6, dual-worker couple). Kept symmetric by the service.</summary>
    public Guid? SpouseId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
