namespace FrontlineCare.Core.Common;

public enum SensitiveKind
{
    NationalId,
    Mobile,
    /// <summary>Health readings and findings, family circumstances: only the roles that keep personnel records see them (C3, D5, E3).</summary>
    Health,
    /// <summary>Money paid to a person (E1, E2): the same roles only.</summary>
    Money,
    /// <summary>Discipline matters (G1, G2): only those who may see the case see them, never in a person's history.</summary>
    Discipline,
}

/// <summary>
/// Marks a personal field. The audit view and lists mask it for everyone who may not see it in full,
/// and the audit trail never writes it to a log.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute(SensitiveKind kind) : Attribute
{
    public SensitiveKind Kind { get; } = kind;

    public static string Mask(SensitiveKind kind, string? value) => kind switch
    {
        SensitiveKind.NationalId => Masking.NationalId(value),
        SensitiveKind.Mobile => Masking.Mobile(value),
        _ => "***",
    };
}
