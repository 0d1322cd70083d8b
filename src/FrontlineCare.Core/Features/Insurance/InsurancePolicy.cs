using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Features.Insurance;

public enum InsuranceKind
{
    /// <summary>人身意外伤害保险 (glossary: AccidentInsurance; ZJ4, SX, HN4).</summary>
    Accident,
    /// <summary>防疫志愿者专属保险 (GZ7).</summary>
    VolunteerSpecial,
    /// <summary>重大疾病保险 (HN4, aid-to-Hubei teams).</summary>
    CriticalIllness,
    Other,
}

/// <summary>An insurance policy a unit bought (or was donated) for frontline people (D3): insurer, number, period, sum insured.</summary>
public sealed class InsurancePolicy
{
    public const int TextMaxLength = 100;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public InsuranceKind Kind { get; set; }
    public required string Insurer { get; set; }
    public required string PolicyNumber { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public decimal SumInsured { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public uint Version { get; set; }
}

/// <summary>A person covered by a policy.</summary>
public sealed class InsuranceCoverage
{
    public Guid Id { get; set; }
    public Guid PolicyId { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}

/// <summary>
/// D4: a one-time increase of an institution's performance-pay total (一次性核增绩效工资总量, glossary: PerformancePayIncrease),
/// not counted in its base, with the approval that granted it (国办发〔2020〕4号; ZJ6, SX).
/// </summary>
public sealed class PerformancePayIncrease
{
    public const int TextMaxLength = 100;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
    /// <summary>Who approved it (e.g. 区人力社保局、区财政局).</summary>
    public required string ApprovedBy { get; set; }
    /// <summary>The approval's document number (文号).</summary>
    public required string ApprovalNumber { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public uint Version { get; set; }
}
