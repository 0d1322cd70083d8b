namespace FrontlineCare.Core.Common;

/// <summary>How personal identifiers are shown to people who may not see them in full.</summary>
public static class Masking
{
    /// <summary>330102199001011234 → 3301**********1234: the region prefix and the last four stay readable.</summary>
    public static string NationalId(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (value.Length <= 8) return new string('*', value.Length);
        return string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 8), value.AsSpan(value.Length - 4));
    }

    /// <summary>13812345678 → 138****5678.</summary>
    public static string Mobile(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (value.Length <= 7) return new string('*', value.Length);
        return string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4));
    }
}
