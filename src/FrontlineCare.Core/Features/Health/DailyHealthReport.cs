using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Features.Health;

/// <summary>
/// One person's health on one day (C3, glossary: DailyHealthReport 身体状况日报): morning and evening temperature, the
/// symptom flags, and a nucleic-acid result when tested. One per person and day; a later report of the day updates it.
/// </summary>
public sealed class DailyHealthReport
{
    public const int NoteMaxLength = 200;

    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public FrontlineWorker? Worker { get; set; }
    public DateOnly Day { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public decimal? MorningTemperature { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public decimal? EveningTemperature { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public HealthSymptom Symptoms { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public NucleicAcidResult TestResult { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public DateOnly? TestDate { get; set; }
    /// <summary>Why the report needs attention, judged by the profile in force when it was saved (<see cref="C3HealthMonitoring.Findings"/>).</summary>
    [Sensitive(SensitiveKind.Health)]
    public HealthFinding Findings { get; set; }
    [Sensitive(SensitiveKind.Health)]
    public string? Note { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public string? ReportedBy { get; set; }
    public uint Version { get; set; }
}

/// <summary>A report as entered on the day's sheet or sent by the API. <see cref="Version"/> is null for a first report of the day.</summary>
public sealed class HealthReportForm
{
    public Guid WorkerId { get; set; }
    public DateOnly? Day { get; set; }
    public decimal? MorningTemperature { get; set; }
    public decimal? EveningTemperature { get; set; }
    public HealthSymptom Symptoms { get; set; }
    public NucleicAcidResult TestResult { get; set; }
    public DateOnly? TestDate { get; set; }
    public string? Note { get; set; }
    public uint? Version { get; set; }
}

/// <summary>A person on duty that day, where, and their report if any.</summary>
public sealed record HealthSheetRow(Guid WorkerId, string FullName, string UnitName, string Place, RiskClass RiskClass, DailyHealthReport? Report)
{
    public bool Missing => Report is null;
    public bool Abnormal => Report is { Findings: not HealthFinding.None };
}

/// <summary>
/// The day's sheet for a jurisdiction or unit: how many people were on duty, how many reported, how many are missing or
/// abnormal, and the rows — abnormal first, then missing, then by name — up to <see cref="HealthReportService.MaxRows"/>.
/// </summary>
public sealed record HealthDaySheet(DateOnly Day, int OnDuty, int Reported, int Abnormal, IReadOnlyList<HealthSheetRow> Rows, bool Truncated)
{
    public int Missing => OnDuty - Reported;
}
