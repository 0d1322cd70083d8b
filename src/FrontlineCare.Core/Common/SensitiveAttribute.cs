namespace FrontlineCare.Core.Common;

public enum SensitiveKind
{
    NationalId,
    Mobile,
    /// <summary>Health readings and findings: only the roles that keep personnel records see them (C3).</summary>
    Health,
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
