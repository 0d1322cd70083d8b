using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Features.Difficulties;

public enum DifficultyKind
{
    ElderlyCare,
    Childcare,
    Illness,
    Finances,
    /// <summary>Both spouses at the frontline (SX, HN5).</summary>
    DualFrontlineCouple,
    /// <summary>Infected and in difficulty (E5: SX 补助因患新型冠状病毒感染的肺炎而遇到生活困难的党员、群众).</summary>
    Infected,
    Other,
}

/// <summary>
/// One entry of the family-difficulty ledger (E3, glossary: FamilyDifficultyLedger 家庭困难台账): a frontline worker's family
/// difficulty — or, for E5, that of a hard-up or infected Party member or resident not in the registry — with its
/// one-to-one liaison, the actions taken and how it was resolved.
/// </summary>
public sealed class FamilyDifficulty
{
    public const int TextMaxLength = 500;
    public const int NameMaxLength = 50;

    public Guid Id { get; set; }
    public Guid? WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    /// <summary>For a person not in the registry (E5): their name; <see cref="IsPartyMember"/> says whether a Party member.</summary>
    public string? PersonName { get; set; }
    public bool IsPartyMember { get; set; }
    /// <summary>The worker's unit, or the community the person lives in.</summary>
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DifficultyKind Kind { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public required string Description { get; set; }
    public required string Liaison { get; set; }
    public string? LiaisonPhone { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public string? Resolution { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public uint Version { get; set; }
}

/// <summary>Something done about a difficulty: by whom, when, what.</summary>
public sealed class FamilyDifficultyAction
{
    public Guid Id { get; set; }
    public Guid DifficultyId { get; set; }
    public DateOnly On { get; set; }
    public required string By { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public required string Note { get; set; }
    public string? RecordedBy { get; set; }
}
