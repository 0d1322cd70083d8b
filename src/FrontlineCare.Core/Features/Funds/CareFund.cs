using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Features.Funds;

public enum CareFundKind
{
    /// <summary>留存党费 / 专项党费 (E2: ZJ4, SX, GZ7, HN1, QN7).</summary>
    PartyFee,
    /// <summary>Local matching funds (地方配套).</summary>
    LocalMatching,
    /// <summary>Donations or other care money.</summary>
    Other,
}

public enum FundEntryKind
{
    /// <summary>Money coming in: an appropriation, a transfer in, a donation.</summary>
    Receipt,
    /// <summary>Money passed on to a unit (into that unit's fund, when it keeps one).</summary>
    Allocation,
    /// <summary>Money spent on a purpose for a person or a unit.</summary>
    Spending,
    /// <summary>A correction: the exact opposite of an earlier entry, which stays.</summary>
    Reversal,
}

public enum FundPurpose
{
    /// <summary>慰问: condolence visits to people and units (E1).</summary>
    Visit,
    /// <summary>帮扶: help for families and hard-up Party members and residents (E3, E5).</summary>
    FamilyHelp,
    /// <summary>购买防控药品、物资 (SX).</summary>
    Supplies,
    /// <summary>Passed on to a unit.</summary>
    Allocation,
    Other,
}

/// <summary>
/// A care fund (E2) held by a unit — e.g. Shaoxing's 3,000,000-yuan special Party-fee fund — with its balance, which the
/// database never lets go below zero. Its history is its entries; nothing is deleted.
/// </summary>
public sealed class CareFund
{
    public const int NameMaxLength = 100;
    public const int SourceMaxLength = 300;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public CareFundKind Kind { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The document that set the fund up (e.g. "SX 十二条: 市级统筹下拨300万元专项党费").</summary>
    public required string Source { get; set; }
    public decimal Balance { get; set; }
    /// <summary>How many entries the fund has: the next entry's number is one more.</summary>
    public int Entries { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// One line of a fund's ledger, numbered within the fund, with the balance after it. Money in is positive, money out
/// negative; every spending names a purpose and a person or unit, every allocation the unit. Entries are never
/// changed or deleted: a mistake is corrected by a reversal entry.
/// </summary>
public sealed class FundEntry
{
    public const int NoteMaxLength = 200;

    public Guid Id { get; set; }
    public Guid FundId { get; set; }
    public int Number { get; set; }
    public FundEntryKind Kind { get; set; }
    public FundPurpose? Purpose { get; set; }
    [Sensitive(SensitiveKind.Money)]
    public decimal Amount { get; set; }
    [Sensitive(SensitiveKind.Money)]
    public decimal BalanceAfter { get; set; }
    public DateOnly OccurredOn { get; set; }
    public Guid? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public Guid? WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    /// <summary>For an allocation into another fund: that fund (whose matching receipt names this entry in <see cref="TransferOfEntryId"/>).</summary>
    public Guid? TargetFundId { get; set; }
    public Guid? TransferOfEntryId { get; set; }
    public Guid? ReversesEntryId { get; set; }
    public required string Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
