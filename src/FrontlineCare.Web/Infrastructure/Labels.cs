using System.Globalization;
using FrontlineCare.Core.Features.Audit;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Features.Membership;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.Reports;
using FrontlineCare.Core.Features.Rotation;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Volunteers;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Web.Resources;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>Display text for codes (enums, roles, audit field names), from the UI resources in the user's language.</summary>
public static class Labels
{
    public static string Of(WorkerCategory value) => Text("Category" + value);
    public static string Of(PoliticalStatus value) => Text("Political" + value);
    public static string Of(StaffCategory value) => Text("Staff" + value);
    public static string Of(QuotaRounding value) => Text("Rounding" + value);
    public static string Of(VolunteerServiceKind value) => Text("VolunteerKind" + value);
    public static string Of(HealthSymptom value) => Text("Symptom" + value);
    public static string Of(SubsidyKind value) => Text("SubsidyKind" + value);
    public static string Of(CasualtyKind value) => Text("CasualtyKind" + value);
    public static string Of(Core.Features.Insurance.InsuranceKind value) => Text("InsuranceKind" + value);
    public static string Of(Core.Features.Insurance.InsuranceNeed value) => Text("InsuranceNeed" + value);
    public static string Of(Core.Features.Difficulties.DifficultyKind value) => Text("DifficultyKind" + value);
    public static string Of(Core.Features.Visits.CareVisitStatus value) => Text("VisitStatus" + value);
    public static string Of(Core.Features.Visits.VisitPriority value) => Text("VisitPriority" + value);
    public static string Of(CasualtyTrack value) => Text("CasualtyTrack" + value);
    public static string Of(ToleranceCondition value) => Text("ToleranceCondition" + value);
    public static string Of(ToleranceExclusion value) => Text("ToleranceExclusion" + value);
    public static string Of(ToleranceOutcome value) => Text("ToleranceOutcome" + value);
    public static string Of(ToleranceStage value) => Text("ToleranceStage" + value);
    public static string Of(ToleranceStart value) => Text("ToleranceStart" + value);
    public static string Of(ClarificationStage value) => Text("ClarificationStage" + value);
    public static string Of(ClarificationMethod value) => Text("ClarificationMethod" + value);
    public static string Of(ReportConclusion value) => Text("ReportConclusion" + value);
    public static string Of(IncidentKind value) => Text("IncidentKind" + value);
    /// <summary>A measure of a profile's seed document by its own title (H3).</summary>
    public static string ChecklistItem(H3ChecklistItem item) => Text("H3Item" + item.Code);
    /// <summary>A figure of the checklist ("DeployedNow" → "在岗人数").</summary>
    public static string Indicator(string key) => Text("Indicator" + key);
    public static string Of(IncidentVictim value) => Text("IncidentVictim" + value);
    /// <summary>A referral: one place, or both, in words ("移送公安机关、移送所在单位或社区").</summary>
    public static string Of(IncidentReferral value) => value == IncidentReferral.None ? Text("IncidentReferralNone")
        : string.Join("、", Enum.GetValues<IncidentReferral>().Where(f => f != IncidentReferral.None && value.HasFlag(f)).Select(f => Text("IncidentReferral" + f)));
    /// <summary>A finding as read for a condition (met / not met) or an exclusion (present / absent).</summary>
    public static string Of(CriterionFinding value, bool exclusion) => Text((exclusion ? "ExclusionFinding" : "ConditionFinding") + value);
    public static string Of(CasualtyStep value) => Text("CasualtyStep" + value);
    public static string Of(Core.Features.Casualties.WorkInjuryDecision value) => Text("WorkInjury" + value);
    public static string Of(Core.Features.Funds.CareFundKind value) => Text("FundKind" + value);
    public static string Of(Core.Features.Funds.FundEntryKind value) => Text("FundEntry" + value);
    public static string Of(Core.Features.Funds.FundPurpose value) => Text("FundPurpose" + value);
    public static string Of(Core.Features.Subsidies.SubsidySheetStatus value) => Text("SubsidyStatus" + value);

    /// <summary>Money as Chinese users write it: 1,050.00 元 (zh-CN) or ¥1,050.00.</summary>
    public static string Yuan(decimal amount) => string.Format(UiText.YuanFormat, amount.ToString("#,##0.00", CultureInfo.InvariantCulture));

    /// <summary>A month: 2026年10月 (zh-CN) or 2026-10.</summary>
    public static string Month(DateOnly month) =>
        CultureInfo.CurrentUICulture.Name == "zh-CN" ? month.ToString("yyyy年M月", CultureInfo.InvariantCulture) : month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>How a subsidy line was computed, in words: "一档 3.5 天 × 300 元 × 200% = 2,100.00 元".</summary>
    public static string Formula(Core.Features.Subsidies.SubsidyLine line) => line.Kind switch
    {
        SubsidyKind.Adjustment => string.Format(UiText.SubsidyFormulaAdjustment, Month(line.AdjustsMonth ?? default), Yuan(line.Recomputed ?? 0), Yuan(line.Paid ?? 0), Yuan(line.Amount)),
        SubsidyKind.EpidemicAllowance => string.Format(UiText.SubsidyFormulaAllowance, Of(line.Kind), Days(line.Days), Days(line.Rate), Yuan(line.Amount)),
        _ when line.MultiplierPercent != 100 => string.Format(UiText.SubsidyFormulaRaised, Of(line.Kind), Days(line.Days), Days(line.Rate), line.MultiplierPercent, Yuan(line.Amount)),
        _ => string.Format(UiText.SubsidyFormula, Of(line.Kind), Days(line.Days), Days(line.Rate), Yuan(line.Amount)),
    };
    public static string Of(NucleicAcidResult value) => Text("NucleicAcid" + value);
    /// <summary>Every finding of a health report in words: "发热、有症状".</summary>
    public static string Of(HealthFinding value) =>
        string.Join("、", Enum.GetValues<HealthFinding>().Where(f => f != HealthFinding.None && value.HasFlag(f)).Select(f => Text("HealthFinding" + f)));
    public static string Of(TalentList value) => Text("TalentList" + value);
    public static string Of(FastTrackRoute value) => Text("FastTrackRoute" + value);
    public static string Of(TitlePrivilege value) => Text("TitlePrivilege" + value);
    public static string Of(TitleIneligibility value) => Text("TitleIneligible" + value);
    public static string Of(Core.Features.Titles.TitleApplicationStatus value) => Text("TitleStatus" + value);
    public static string Of(FastTrackStatus value) => Text("FastTrackStatus" + value);
    /// <summary>A fast-track waiver with the rule that allows it.</summary>
    public static string Of(FastTrackWaiver value, int activistMinMonths) => string.Format(Text("FastTrackWaiver" + value), activistMinMonths);
    /// <summary>Who may be put on a talent list, as the seeds word it (F2F4TalentLists).</summary>
    public static string Rule(TalentList value) => Text("TalentRule" + value);

    /// <summary>An option of a choice or set policy parameter (an award kind or a rounding mode), by its code name.</summary>
    public static string Option(string? code) =>
        Enum.TryParse<AwardKind>(code, out var kind) ? Of(kind)
        : Enum.TryParse<QuotaRounding>(code, out var rounding) ? Of(rounding)
        : Enum.TryParse<TitlePrivilege>(code, out var privilege) ? Of(privilege)
        : Enum.TryParse<WorkerCategory>(code, out var category) ? Of(category)
        : Enum.TryParse<ToleranceCondition>(code, out var condition) ? Of(condition)
        : Enum.TryParse<ToleranceExclusion>(code, out var exclusion) ? Of(exclusion)
        : Enum.TryParse<ClarificationMethod>(code, out var method) ? Of(method)
        : Enum.TryParse<IncidentKind>(code, out var incident) ? Of(incident)
        : code ?? "";
    public static string Of(AwardKind value) => Text("Award" + value);
    public static string Of(NominationStatus value) => Text("Nomination" + value);
    public static string Of(NominationAction value) => Text("NominationStep" + value);
    public static string Of(Gender value) => Text("Gender" + value);
    public static string Of(PostKind value) => Text("Post" + value);
    public static string Of(RiskClass value) => Text("Risk" + value);
    public static string Of(UnitKind value) => Text("UnitKind" + value);
    public static string Of(PolicyProfileCode value) => Text("Profile" + value);
    public static string Of(AuditAction value) => Text("Audit" + value);
    /// <summary>A B2 finding in words: "连续值班 14 天（上限 13）".</summary>
    public static string Of(OverloadFinding finding) =>
        string.Format(CultureInfo.CurrentUICulture, Text("Overload" + finding.Kind), finding.Value.ToString("0.#", CultureInfo.InvariantCulture), finding.Limit);

    public static string Of(ForcedRestStatus value) => Text("ForcedRest" + value);
    public static string Of(ReportStatus? value) => Text("Report" + (value?.ToString() ?? "NotSubmitted"));
    public static string Of(LeaveEntryKind value) => Text("LeaveEntry" + value);
    public static string Of(LeaveKind value) => Text("LeaveKind" + value);
    public static string Of(LeaveRequestStatus value) => Text("LeaveStatus" + value);
    public static string Of(RotationPlanStatus value) => Text("RotationStatus" + value);
    public static string Days(decimal days) => days.ToString("0.#", CultureInfo.InvariantCulture);
    public static string Role(string role) => Text("Role" + role);
    /// <summary>A policy parameter by its key ("B2.maxShiftHours" → resource "ParamB2maxShiftHours").</summary>
    public static string Parameter(string key) => Text("Param" + key.Replace(".", ""));
    public static string Field(string name) => UiText.ResourceManager.GetString("Field" + name, CultureInfo.CurrentUICulture) ?? name;

    /// <summary>A record type of the audit trail ("Worker", "LeaveEntry" …) in words.</summary>
    public static string Entity(string entity) => Text("Entity" + entity);

    /// <summary>A value in the audit trail as the user reads it: codes in words, days and times as elsewhere, the rest as stored.</summary>
    public static string? AuditValue(string entity, string field, string? value) => (entity, field, value) switch
    {
        (_, _, null) => null,
        (_, nameof(FrontlineWorker.Gender), _) when Enum.TryParse<Gender>(value, out var g) => Of(g),
        (_, nameof(FrontlineWorker.Category), _) when Enum.TryParse<WorkerCategory>(value, out var c) => Of(c),
        (_, nameof(FrontlineWorker.PoliticalStatus), _) when Enum.TryParse<PoliticalStatus>(value, out var p) => Of(p),
        (_, nameof(Deployment.PostKind), _) when Enum.TryParse<PostKind>(value, out var k) => Of(k),
        (_, nameof(Deployment.RiskClass), _) when Enum.TryParse<RiskClass>(value, out var r) => Of(r),
        ("Unit", nameof(Unit.Kind), _) when Enum.TryParse<UnitKind>(value, out var u) => Of(u),
        (_, nameof(Unit.ProfileOverride), _) when Enum.TryParse<PolicyProfileCode>(value, out var pp) => Of(pp),
        ("ForcedRestCase", "Status", _) when Enum.TryParse<ForcedRestStatus>(value, out var fs) => Of(fs),
        ("LeaveEntry", "Kind", _) when Enum.TryParse<LeaveEntryKind>(value, out var le) => Of(le),
        ("LeaveRequest", "Kind", _) when Enum.TryParse<LeaveKind>(value, out var lk) => Of(lk),
        ("LeaveRequest", "Status", _) when Enum.TryParse<LeaveRequestStatus>(value, out var ls) => Of(ls),
        ("Incident", "Kind", _) when Enum.TryParse<IncidentKind>(value, out var ik) => Of(ik),
        ("Incident", "Victim", _) when Enum.TryParse<IncidentVictim>(value, out var iv) => Of(iv),
        ("Incident", "Referral", _) when Enum.TryParse<IncidentReferral>(value, out var ir) => Of(ir),
        _ when value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => Date(d),
        _ when value.Length > 20 && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) => Time(t),
        _ => value,
    };

    /// <summary>Calendar days as Chinese users write them: 2026年11月23日 (zh-CN) or 2026-11-23.</summary>
    public static string Date(DateOnly? day) => day is null ? "" :
        CultureInfo.CurrentUICulture.Name == "zh-CN"
            ? day.Value.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : day.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Instants in Beijing time.</summary>
    public static string Time(DateTimeOffset? at) => at is null ? "" :
        TimeZoneInfo.ConvertTime(at.Value, Core.Common.Clock.ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The time of day of an instant in Beijing time (the end of a span whose start shows the date).</summary>
    public static string Clock(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Core.Common.Clock.ChinaTime).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Text(string key) => UiText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
