using FluentValidation;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;

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

/// <summary>
/// A report as entered on the day's sheet or sent by the API: the whole report, first or corrected, validated the same way.
/// <see cref="Version"/> is null for a first report of the day. Symptoms and the test result must be given (None and
/// NotTested are answers), so a correction that leaves them out cannot silently erase a positive test.
/// </summary>
public sealed class HealthReportForm
{
    public Guid WorkerId { get; set; }
    public DateOnly? Day { get; set; }
    public decimal? MorningTemperature { get; set; }
    public decimal? EveningTemperature { get; set; }
    public HealthSymptom? Symptoms { get; set; }
    public NucleicAcidResult? TestResult { get; set; }
    public DateOnly? TestDate { get; set; }
    public string? Note { get; set; }
    public uint? Version { get; set; }
}

/// <summary>Field rules of a health report (C3), shared by the day's sheet and the API.</summary>
public sealed class HealthReportFormValidator : AbstractValidator<HealthReportForm>
{
    /// <summary>How many days after the day a report may still be filed or corrected.</summary>
    public const int LateDays = 7;

    /// <summary>A test result may be from up to this many days before the report's day.</summary>
    public const int TestMaxAgeDays = 14;

    private const HealthSymptom AllSymptoms =
        HealthSymptom.DryCough | HealthSymptom.Fatigue | HealthSymptom.SoreThroat | HealthSymptom.LossOfSmellOrTaste | HealthSymptom.Diarrhoea;

    public HealthReportFormValidator(TimeProvider clock)
    {
        RuleFor(x => x.Day).Cascade(CascadeMode.Stop).NotNull().WithMessage(_ => Messages.Required)
            .Must(d => d <= clock.Today()).WithMessage(_ => Messages.HealthDayFuture)
            .Must(d => d >= clock.Today().AddDays(-LateDays)).WithMessage(_ => string.Format(Messages.HealthDayTooLate, LateDays));
        RuleFor(x => x.MorningTemperature)
            .Must((form, morning) => morning is not null || form.EveningTemperature is not null).WithMessage(_ => Messages.HealthTemperatureRequired);
        RuleFor(x => x.MorningTemperature).Must(Plausible).WithMessage(_ => TemperatureRange);
        RuleFor(x => x.EveningTemperature).Must(Plausible).WithMessage(_ => TemperatureRange);
        RuleFor(x => x.Symptoms).Cascade(CascadeMode.Stop).NotNull().WithMessage(_ => Messages.Required)
            .Must(s => (s & ~AllSymptoms) == 0).WithMessage(_ => Messages.Required);
        RuleFor(x => x.TestResult).Cascade(CascadeMode.Stop).NotNull().WithMessage(_ => Messages.Required)
            .IsInEnum().WithMessage(_ => Messages.Required);
        RuleFor(x => x.TestDate).NotNull().When(Tested).WithMessage(_ => Messages.HealthTestDateRequired)
            .Must((form, t) => t <= form.Day && t >= form.Day!.Value.AddDays(-TestMaxAgeDays))
            .When(x => Tested(x) && x.TestDate is not null && x.Day is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => string.Format(Messages.HealthTestDateRange, TestMaxAgeDays));
        RuleFor(x => x.Note).OptionalText(DailyHealthReport.NoteMaxLength);
    }

    public static bool Tested(HealthReportForm form) => form.TestResult is { } r && r != NucleicAcidResult.NotTested;

    private static bool Plausible(decimal? value) => value is not { } t || (C3HealthMonitoring.Plausible(t) && decimal.Round(t, 1) == t);

    private static string TemperatureRange =>
        string.Format(Messages.HealthTemperatureRange, C3HealthMonitoring.MinTemperature, C3HealthMonitoring.MaxTemperature);
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
