using System.Globalization;

namespace FrontlineCare.Core.Policy;

public enum NationalIdProblem
{
    None,
    Format,
    BirthDate,
    CheckDigit,
}

/// <summary>
/// The 18-character citizen identification number of GB 11643-1999: a 6-digit region code, an 8-digit
/// birth date, a 3-digit sequence (odd for men, even for women) and a check character computed as
/// ISO 7064 MOD 11-2 over the first 17 digits.
/// </summary>
public static class NationalIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>Upper-cases a trailing x and trims spaces, so users may type either.</summary>
    public static string Normalize(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();

    public static NationalIdProblem Check(string? value, DateOnly today)
    {
        var id = Normalize(value);
        if (id.Length != 18) return NationalIdProblem.Format;
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(id[i])) return NationalIdProblem.Format;
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X') return NationalIdProblem.Format;
        if (BirthDate(id) is not { } birth || birth > today || birth.Year < 1900) return NationalIdProblem.BirthDate;
        return CheckCharacter(id) == id[17] ? NationalIdProblem.None : NationalIdProblem.CheckDigit;
    }

    public static DateOnly? BirthDate(string id) =>
        DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The 17th digit is odd for men and even for women.</summary>
    public static bool IsMale(string id) => (id[16] - '0') % 2 == 1;

    /// <summary>Builds a valid number from its parts (demo data and tests).</summary>
    public static string Compose(string region6, DateOnly birth, int sequence3)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region6}{birth:yyyyMMdd}{sequence3:000}");
        return first17 + CheckCharacter(first17);
    }
}
