namespace FrontlineCare.Core.Policy.Measures;

/// <summary>C3: what makes a daily health report abnormal, a profile's parameters.</summary>
/// <param name="FeverThresholdTenths">A temperature at or above this many tenths of a degree Celsius is a fever (373 = 37.3 °C).</param>
public sealed record C3HealthRules(PolicyParameter<int> FeverThresholdTenths)
{
    public decimal FeverThreshold => FeverThresholdTenths.Value / 10m;
}

/// <summary>The symptom flags of national home health monitoring (policy-rules-research §8.1), besides fever.</summary>
[Flags]
public enum HealthSymptom
{
    None = 0,
    DryCough = 1,
    Fatigue = 2,
    SoreThroat = 4,
    LossOfSmellOrTaste = 8,
    Diarrhoea = 16,
}

public enum NucleicAcidResult
{
    NotTested,
    Negative,
    Positive,
}

/// <summary>Why a report needs attention.</summary>
[Flags]
public enum HealthFinding
{
    None = 0,
    Fever = 1,
    Symptoms = 2,
    PositiveTest = 4,
}

/// <summary>
/// C3 (GZ4 身体状况日报): every frontline worker on duty reports each day — morning and evening temperature, the
/// symptom flags, and a nucleic-acid result when tested. A report is abnormal when either temperature reaches the
/// profile's fever threshold, any symptom is flagged, or the test is positive; a deployed worker with no report for
/// the day is missing. Both surface at once on the day's sheet.
/// </summary>
public static class C3HealthMonitoring
{
    /// <summary>Readings outside this range are typing errors, not temperatures.</summary>
    public const decimal MinTemperature = 34.0m, MaxTemperature = 43.0m;

    public static bool Plausible(decimal temperature) => temperature is >= MinTemperature and <= MaxTemperature;

    public static HealthFinding Findings(decimal? morning, decimal? evening, HealthSymptom symptoms, NucleicAcidResult test, C3HealthRules rules)
    {
        var findings = HealthFinding.None;
        if (morning >= rules.FeverThreshold || evening >= rules.FeverThreshold) findings |= HealthFinding.Fever;
        if (symptoms != HealthSymptom.None) findings |= HealthFinding.Symptoms;
        if (test == NucleicAcidResult.Positive) findings |= HealthFinding.PositiveTest;
        return findings;
    }
}
