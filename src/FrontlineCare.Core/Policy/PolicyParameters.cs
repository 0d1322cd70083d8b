using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Policy;

/// <summary>A parameter of a policy profile in force from a day, with the text it comes from.</summary>
public sealed record PolicyParameter<T>(string Key, T Value, DateOnly EffectiveFrom, string Source)
{
    /// <summary>
    /// Whether this value is in force on <paramref name="day"/>. A day before a parameter's first value (for every catalog
    /// parameter: before <see cref="PolicyCatalog.ResponseStart"/>) has no value in force: a rule applied to that day does
    /// not apply (D1 pays nothing for it).
    /// </summary>
    public bool InForceOn(DateOnly day) => EffectiveFrom <= day;
}

/// <summary>A later value of a catalog parameter (<see cref="PolicyCatalog.Later"/>): from its day on it replaces the earlier one.</summary>
public sealed record PolicyCatalogValue(string Key, string Value, DateOnly EffectiveFrom, string Source);

/// <summary>B2: the overload thresholds of a profile (measure B2, ZJ5/SX/GZ3/HN3 "较长时间超负荷 → 强制休息").</summary>
public sealed record B2Thresholds(
    PolicyParameter<int> MaxConsecutiveDutyDays,
    PolicyParameter<int> MaxShiftHours,
    PolicyParameter<int> MaxHoursIn7Days,
    PolicyParameter<int> MaxHighRiskPostDays,
    PolicyParameter<int> ForcedRestGraceDays);

/// <summary>B3: compensatory and annual leave rules of a profile.</summary>
public sealed record B3LeaveRules(
    PolicyParameter<int> CarryOverYears,
    PolicyParameter<int> HalfDayBelowHours,
    PolicyParameter<int> AnnualDaysFrom1Year,
    PolicyParameter<int> AnnualDaysFrom10Years,
    PolicyParameter<int> AnnualDaysFrom20Years);

/// <summary>The parameters of one profile. Each measure's rule reads its own group.</summary>
public sealed record PolicyParameters(
    PolicyProfileCode Profile,
    PolicyParameter<bool> A6WarnWhenSpouseDeployed,
    PolicyParameter<int> B1MinRestDaysPer7,
    B2Thresholds B2,
    B3LeaveRules B3,
    PolicyParameter<int> B5ReportCadenceDays,
    PolicyParameter<int> B5ReportDueDays,
    Measures.F6QuotaRules F6,
    Measures.F7AwardRules F7,
    Measures.F9StarRules F9,
    PolicyParameter<int> F2YouthMaxAge,
    Measures.F1FastTrackRules F1,
    PolicyParameter<Measures.TitlePrivilege[]> F5Privileges,
    Measures.C3HealthRules C3,
    Measures.D1D2SubsidyRules D1,
    Measures.D5CaseRules D5,
    PolicyParameter<int> E3OpenLimitDays,
    Measures.G1ToleranceRules G1,
    Measures.G2ClarificationRules G2,
    Measures.G3IncidentRules G3,
    PolicyParameter<int> H4DeadlineDays)
{
    /// <summary>Every parameter as (key, value as text, in force from, source), in catalog order.</summary>
    public IReadOnlyList<PolicyParameter<string>> All() =>
    [
        Text(A6WarnWhenSpouseDeployed), Text(B1MinRestDaysPer7),
        Text(B2.MaxConsecutiveDutyDays), Text(B2.MaxShiftHours), Text(B2.MaxHoursIn7Days), Text(B2.MaxHighRiskPostDays),
        Text(B2.ForcedRestGraceDays),
        Text(B3.CarryOverYears), Text(B3.HalfDayBelowHours), Text(B3.AnnualDaysFrom1Year), Text(B3.AnnualDaysFrom10Years), Text(B3.AnnualDaysFrom20Years),
        Text(B5ReportCadenceDays), Text(B5ReportDueDays), Text(C3.FeverThresholdTenths),
        Text(D1.TierIYuan), Text(D1.TierIIYuan), Text(D1.TierCategories), Text(D1.RegionMultiplierPercent), Text(D1.AidTeamMultiplierPercent),
        Text(D1.HalfDayMaxHours), Text(D1.TopUpCategories), Text(D1.TopUpYuan), Text(D1.MealYuan), Text(D1.AllowanceEnabled),
        Text(D1.AllowanceClass1MonthlyYuan), Text(D1.AllowanceClass2MonthlyYuan),
        Text(D5.UnitClaimDays), Text(D5.PersonClaimMonths), Text(D5.DecisionDays), Text(D5.FollowUpDays), Text(E3OpenLimitDays),
        Text(G1.Conditions), Text(G1.Exclusions), Text(G1.DecisionDays), Text(G1.NoticeDays), Text(G1.FilingDays),
        Text(G2.Methods), Text(G2.PublicRequired), Text(G2.ClearDays), Text(G3.PoliceKinds), Text(G3.ReferralDays), Text(H4DeadlineDays),
        Text(F6.Limited), Text(F6.FrontlinePercent), Text(F6.Rounding), Text(F6.MinimumOne), Text(F6.MeritImpliesExcellent),
        Text(F7.LadderCivilServant), Text(F7.LadderPublicInstitution), Text(F7.LadderOther), Text(F7.CollectiveKinds),
        Text(F7.RatioCapsEnabled), Text(F7.CapCommendationPercent), Text(F7.CapThirdClassPercent), Text(F7.CapSecondClassPercent),
        Text(F7.ReviewLevels),
        Text(F1.QuotaExempt), Text(F1.ActivistMinMonths), Text(F1.ProbationMonths), Text(F1.ApprovalMaxMonths),
        Text(F2YouthMaxAge), Text(F5Privileges),
        Text(F9.Star1Hours), Text(F9.Star2Hours), Text(F9.Star3Hours), Text(F9.Star4Hours), Text(F9.Star5Hours),
    ];

    /// <summary>These parameters with one replaced by a recorded change (value already checked by <see cref="PolicyCatalog.Check"/>).</summary>
    public PolicyParameters With(string key, string value, DateOnly from, string source)
    {
        PolicyParameter<int> Int(PolicyParameter<int> p) => p with { Value = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), EffectiveFrom = from, Source = source };
        PolicyParameter<bool> Bool(PolicyParameter<bool> p) => p with { Value = bool.Parse(value), EffectiveFrom = from, Source = source };
        PolicyParameter<TEnum[]> Set<TEnum>(PolicyParameter<TEnum[]> p) where TEnum : struct, Enum => p with
        {
            Value = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TEnum>).ToArray(), EffectiveFrom = from, Source = source,
        };
        return key switch
        {
            "A6.warnWhenSpouseDeployed" => this with { A6WarnWhenSpouseDeployed = Bool(A6WarnWhenSpouseDeployed) },
            "B1.minRestDaysPer7" => this with { B1MinRestDaysPer7 = Int(B1MinRestDaysPer7) },
            "B2.maxConsecutiveDutyDays" => this with { B2 = B2 with { MaxConsecutiveDutyDays = Int(B2.MaxConsecutiveDutyDays) } },
            "B2.maxShiftHours" => this with { B2 = B2 with { MaxShiftHours = Int(B2.MaxShiftHours) } },
            "B2.maxHoursIn7Days" => this with { B2 = B2 with { MaxHoursIn7Days = Int(B2.MaxHoursIn7Days) } },
            "B2.maxHighRiskPostDays" => this with { B2 = B2 with { MaxHighRiskPostDays = Int(B2.MaxHighRiskPostDays) } },
            "B2.forcedRestGraceDays" => this with { B2 = B2 with { ForcedRestGraceDays = Int(B2.ForcedRestGraceDays) } },
            "B3.carryOverYears" => this with { B3 = B3 with { CarryOverYears = Int(B3.CarryOverYears) } },
            "B3.halfDayBelowHours" => this with { B3 = B3 with { HalfDayBelowHours = Int(B3.HalfDayBelowHours) } },
            "B3.annualDaysFrom1Year" => this with { B3 = B3 with { AnnualDaysFrom1Year = Int(B3.AnnualDaysFrom1Year) } },
            "B3.annualDaysFrom10Years" => this with { B3 = B3 with { AnnualDaysFrom10Years = Int(B3.AnnualDaysFrom10Years) } },
            "B3.annualDaysFrom20Years" => this with { B3 = B3 with { AnnualDaysFrom20Years = Int(B3.AnnualDaysFrom20Years) } },
            "B5.reportCadenceDays" => this with { B5ReportCadenceDays = Int(B5ReportCadenceDays) },
            "B5.reportDueDays" => this with { B5ReportDueDays = Int(B5ReportDueDays) },
            "C3.feverThresholdTenths" => this with { C3 = C3 with { FeverThresholdTenths = Int(C3.FeverThresholdTenths) } },
            "D1.tierIYuan" => this with { D1 = D1 with { TierIYuan = Int(D1.TierIYuan) } },
            "D1.tierIIYuan" => this with { D1 = D1 with { TierIIYuan = Int(D1.TierIIYuan) } },
            "D1.tierCategories" => this with { D1 = D1 with { TierCategories = Set(D1.TierCategories) } },
            "D1.regionMultiplierPercent" => this with { D1 = D1 with { RegionMultiplierPercent = Int(D1.RegionMultiplierPercent) } },
            "D1.aidTeamMultiplierPercent" => this with { D1 = D1 with { AidTeamMultiplierPercent = Int(D1.AidTeamMultiplierPercent) } },
            "D1.halfDayMaxHours" => this with { D1 = D1 with { HalfDayMaxHours = Int(D1.HalfDayMaxHours) } },
            "D1.topUpCategories" => this with { D1 = D1 with { TopUpCategories = Set(D1.TopUpCategories) } },
            "D1.topUpYuan" => this with { D1 = D1 with { TopUpYuan = Int(D1.TopUpYuan) } },
            "D2.mealYuan" => this with { D1 = D1 with { MealYuan = Int(D1.MealYuan) } },
            "D2.allowanceEnabled" => this with { D1 = D1 with { AllowanceEnabled = Bool(D1.AllowanceEnabled) } },
            "D2.allowanceClass1MonthlyYuan" => this with { D1 = D1 with { AllowanceClass1MonthlyYuan = Int(D1.AllowanceClass1MonthlyYuan) } },
            "D2.allowanceClass2MonthlyYuan" => this with { D1 = D1 with { AllowanceClass2MonthlyYuan = Int(D1.AllowanceClass2MonthlyYuan) } },
            "D5.unitClaimDays" => this with { D5 = D5 with { UnitClaimDays = Int(D5.UnitClaimDays) } },
            "D5.personClaimMonths" => this with { D5 = D5 with { PersonClaimMonths = Int(D5.PersonClaimMonths) } },
            "D5.decisionDays" => this with { D5 = D5 with { DecisionDays = Int(D5.DecisionDays) } },
            "E4.followUpDays" => this with { D5 = D5 with { FollowUpDays = Int(D5.FollowUpDays) } },
            "E3.openLimitDays" => this with { E3OpenLimitDays = Int(E3OpenLimitDays) },
            "G1.conditions" => this with { G1 = G1 with { Conditions = Set(G1.Conditions) } },
            "G1.exclusions" => this with { G1 = G1 with { Exclusions = Set(G1.Exclusions) } },
            "G1.decisionDays" => this with { G1 = G1 with { DecisionDays = Int(G1.DecisionDays) } },
            "G1.noticeDays" => this with { G1 = G1 with { NoticeDays = Int(G1.NoticeDays) } },
            "G1.filingDays" => this with { G1 = G1 with { FilingDays = Int(G1.FilingDays) } },
            "G2.methods" => this with { G2 = G2 with { Methods = Set(G2.Methods) } },
            "G2.publicRequired" => this with { G2 = G2 with { PublicRequired = Bool(G2.PublicRequired) } },
            "G2.clearDays" => this with { G2 = G2 with { ClearDays = Int(G2.ClearDays) } },
            "G3.policeKinds" => this with { G3 = G3 with { PoliceKinds = Set(G3.PoliceKinds) } },
            "G3.referralDays" => this with { G3 = G3 with { ReferralDays = Int(G3.ReferralDays) } },
            "H4.deadlineDays" => this with { H4DeadlineDays = Int(H4DeadlineDays) },
            "F6.frontlineQuotaLimited" => this with { F6 = F6 with { Limited = Bool(F6.Limited) } },
            "F6.frontlineExcellentPercent" => this with { F6 = F6 with { FrontlinePercent = Int(F6.FrontlinePercent) } },
            "F6.quotaRounding" => this with { F6 = F6 with { Rounding = F6.Rounding with { Value = Enum.Parse<Measures.QuotaRounding>(value), EffectiveFrom = from, Source = source } } },
            "F6.quotaMinimumOne" => this with { F6 = F6 with { MinimumOne = Bool(F6.MinimumOne) } },
            "F6.meritImpliesExcellent" => this with { F6 = F6 with { MeritImpliesExcellent = Bool(F6.MeritImpliesExcellent) } },
            "F7.ladderCivilServant" => this with { F7 = F7 with { LadderCivilServant = Set(F7.LadderCivilServant) } },
            "F7.ladderPublicInstitution" => this with { F7 = F7 with { LadderPublicInstitution = Set(F7.LadderPublicInstitution) } },
            "F7.ladderOther" => this with { F7 = F7 with { LadderOther = Set(F7.LadderOther) } },
            "F7.collectiveKinds" => this with { F7 = F7 with { CollectiveKinds = Set(F7.CollectiveKinds) } },
            "F7.ratioCapsEnabled" => this with { F7 = F7 with { RatioCapsEnabled = Bool(F7.RatioCapsEnabled) } },
            "F7.capCommendationPercent" => this with { F7 = F7 with { CapCommendationPercent = Int(F7.CapCommendationPercent) } },
            "F7.capThirdClassPercent" => this with { F7 = F7 with { CapThirdClassPercent = Int(F7.CapThirdClassPercent) } },
            "F7.capSecondClassPercent" => this with { F7 = F7 with { CapSecondClassPercent = Int(F7.CapSecondClassPercent) } },
            "F7.reviewLevels" => this with { F7 = F7 with { ReviewLevels = Int(F7.ReviewLevels) } },
            "F1.quotaExempt" => this with { F1 = F1 with { QuotaExempt = Bool(F1.QuotaExempt) } },
            "F1.activistMinMonths" => this with { F1 = F1 with { ActivistMinMonths = Int(F1.ActivistMinMonths) } },
            "F1.probationMonths" => this with { F1 = F1 with { ProbationMonths = Int(F1.ProbationMonths) } },
            "F1.approvalMaxMonths" => this with { F1 = F1 with { ApprovalMaxMonths = Int(F1.ApprovalMaxMonths) } },
            "F5.privileges" => this with { F5Privileges = Set(F5Privileges) },
            "F2.youthMaxAge" => this with { F2YouthMaxAge = Int(F2YouthMaxAge) },
            "F9.star1Hours" => this with { F9 = F9 with { Star1Hours = Int(F9.Star1Hours) } },
            "F9.star2Hours" => this with { F9 = F9 with { Star2Hours = Int(F9.Star2Hours) } },
            "F9.star3Hours" => this with { F9 = F9 with { Star3Hours = Int(F9.Star3Hours) } },
            "F9.star4Hours" => this with { F9 = F9 with { Star4Hours = Int(F9.Star4Hours) } },
            "F9.star5Hours" => this with { F9 = F9 with { Star5Hours = Int(F9.Star5Hours) } },
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a policy parameter"),
        };
    }

    private static PolicyParameter<string> Text<T>(PolicyParameter<T> p) => new(p.Key, p.Value switch
    {
        bool b => b ? "true" : "false",
        Array set => string.Join(',', set.Cast<object>()),
        _ => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!,
    }, p.EffectiveFrom, p.Source);
}

/// <summary>
/// What values a parameter may take: whole numbers in [Min, Max], a yes/no (<see cref="IsSwitch"/>), one of
/// <see cref="Options"/>, or — when <see cref="Multiple"/> — any non-empty set of them, written comma-separated.
/// </summary>
public sealed record PolicyParameterRange(string Key, bool IsSwitch, int Min, int Max, IReadOnlyList<string>? Options = null, bool Multiple = false)
{
    public bool IsChoice => Options is not null;
}

/// <summary>
/// The defaults of each profile, each with its source (seed text, statute or the research note
/// `shared/domain/policy-rules-research.md`), as a timeline per parameter: a first value from
/// <see cref="ResponseStart"/> (<see cref="First"/>), then the values a later document brought, each from its own day
/// (<see cref="Later"/>). A value is in force from its day until the next one; OrgDepartment's effective-dated changes
/// (<c>PolicyProfileService</c>) join the same timeline. A day before the first value has no value in force
/// (<see cref="PolicyParameter{T}.InForceOn"/>): the portal's measures start with the response.
/// </summary>
public static class PolicyCatalog
{
    /// <summary>The day Zhejiang's Level I response began: every catalog parameter's first value is in force from it.</summary>
    public static readonly DateOnly ResponseStart = new(2020, 1, 23);

    private static readonly DateOnly Epidemic = ResponseStart;

    /// <summary>The words a source ends with when its measure applies from the start of the response although its document (or statute) is dated otherwise.</summary>
    public const string FromTheStart = "applies from the start of the response (2020-01-23)";

    /// <summary>The dates of the profiles' own documents (seeds/README.md).</summary>
    public static DateOnly DocumentDate(PolicyProfileCode profile) => profile switch
    {
        PolicyProfileCode.ZJ => new(2020, 2, 3),
        PolicyProfileCode.SX => new(2020, 2, 3),
        PolicyProfileCode.GZ => GuangzhouDate,
        PolicyProfileCode.HN => HenanDate,
        _ => QiannanDate,
    };

    private static readonly DateOnly ShaoxingDate = new(2020, 2, 3);
    private static readonly DateOnly HenanDate = new(2020, 3, 6);
    private static readonly DateOnly GuangzhouDate = new(2021, 6, 10);
    private static readonly DateOnly QiannanDate = new(2021, 9, 12);
    private static readonly DateOnly MeasuresForMedicalStaff = new(2020, 2, 22); // 国发明电〔2020〕5号
    private static readonly DateOnly TitleNotice = new(2020, 3, 4); // 人社厅发〔2020〕23号

    private static string Start(string source) => $"{source}; {FromTheStart}";

    /// <summary>
    /// The parameters in force on <paramref name="day"/> by the catalog alone: the first values with every later value
    /// dated on or before it. Before <see cref="ResponseStart"/> these are the first values, none in force that day.
    /// </summary>
    public static PolicyParameters For(PolicyProfileCode profile, DateOnly day) =>
        Later(profile).Where(v => v.EffectiveFrom <= day).Aggregate(First(profile), (p, v) => p.With(v.Key, v.Value, v.EffectiveFrom, v.Source));

    /// <summary>The catalog's latest values (every later value applied): for tests and demo data, never for a rule applied to a day.</summary>
    public static PolicyParameters For(PolicyProfileCode profile) => For(profile, DateOnly.MaxValue);

    /// <summary>Each parameter's values in date order: its first value, then its later ones.</summary>
    public static IReadOnlyList<PolicyParameter<string>> History(PolicyProfileCode profile, string key) =>
    [
        First(profile).All().Single(p => p.Key == key),
        .. Later(profile).Where(v => v.Key == key).Select(v => new PolicyParameter<string>(v.Key, v.Value, v.EffectiveFrom, v.Source)),
    ];

    /// <summary>The values later documents brought, in date order, each replacing the one before it from its day on.</summary>
    public static IReadOnlyList<PolicyCatalogValue> Later(PolicyProfileCode profile)
    {
        var later = new List<PolicyCatalogValue>
        {
            new("D1.aidTeamMultiplierPercent", "200", MeasuresForMedicalStaff,
                "国发明电〔2020〕5号 (22 Feb 2020) measure 1: medical teams sent to Hubei are paid double; the portal's post kind 医疗队 stands for such a team (research §1.3)"),
        };
        switch (profile)
        {
            case PolicyProfileCode.SX:
                later.Add(new("A6.warnWhenSpouseDeployed", "true", ShaoxingDate, "SX 十二条: 主动帮助解决…双职工“战疫”一线等带来的生活困难 (seeds/001)"));
                later.Add(new("G1.conditions", "StopSpread,Decisive,NoBanBreached,NoPrivateGain,DutiesPerformed,EmergencyReported,Corrected", ShaoxingDate,
                    "SX (seeds/001): 为防止疫情蔓延，勇于担当、果断决策、及时处置，但存在程序瑕疵或出现一定失误; " + ToleranceCommon));
                break;
            case PolicyProfileCode.HN:
                later.Add(new("A6.warnWhenSpouseDeployed", "true", HenanDate, "HN5 豫高发〔2020〕9号: 尽量不安排双职工的党员干部同时到防控一线工作 (seeds/003)"));
                later.Add(new("D2.allowanceEnabled", "true", HenanDate, "HN4 (seeds/003): 跟进落实疫情防控一线人员临时性工作补助、卫生防疫补贴等发放工作"));
                later.Add(new("E4.followUpDays", "30", HenanDate, "HN5 (seeds/003): 对抗疫一线因公牺牲党员的家庭，由所在党组织专人联系、定期慰问 — monthly is the portal's default"));
                later.Add(new("G1.conditions", "StopSpread,Decisive,ComplexSituation,NoBanBreached,NoPrivateGain,DutiesPerformed,EmergencyReported,Corrected", HenanDate,
                    "HN9 (seeds/003): 为防止疫情蔓延，勇于担当、果断决策、及时处置，但因形势严峻、问题复杂等原因，工作出现一定失误; " + ToleranceCommon));
                later.Add(new("G3.policeKinds", "Violence,Threat", HenanDate,
                    "HN9 (seeds/003): 对侵犯防控一线人员人身安全的违法行为，要依法从重惩治 — discrimination goes to 批评教育 first"));
                break;
            case PolicyProfileCode.GZ:
                later.Add(new("F1.quotaExempt", "true", GuangzhouDate, "GZ8 (seeds/002, 2021-06-10): 可不受本单位发展党员指导性计划等限制及时发展入党"));
                break;
            case PolicyProfileCode.QN:
                later.Add(new("G1.conditions", "StopSpread,Decisive,ChainBroken,NoSeriousImpact,NoBanBreached,NoPrivateGain,DutiesPerformed,EmergencyReported,Corrected", QiannanDate,
                    "QN7 (seeds/004): 勇于担当、果断决策、及时处置，成功阻断疫情蔓延链，但因程序不规范和工作些许失误，未造成社会严重影响后果; " + ToleranceCommon));
                later.Add(new("G2.publicRequired", "true", QiannanDate, "QN7 (seeds/004): 对受到不实举报的干部，公开向社会予以澄清"));
                break;
        }
        if (profile is not (PolicyProfileCode.ZJ or PolicyProfileCode.SX))
        {
            later.Add(new("F5.privileges", "PriorityReview,GrassrootsEquivalent,RatioExemption", MeasuresForMedicalStaff,
                "国发明电〔2020〕5号 (22 Feb 2020) measure 3: 优先申报、优先参评、优先聘任; 不受单位岗位结构比例限制; 视为一年基层工作经历 (research §7.1)"));
            later.Add(new("F5.privileges", Text(National), TitleNotice,
                "国发明电〔2020〕5号, 人社厅发〔2020〕23号 (4 Mar 2020, research §7.1)"));
            if (profile is PolicyProfileCode.QN)
                later.Add(new("F5.privileges", Text(National), QiannanDate,
                    "国发明电〔2020〕5号, 人社厅发〔2020〕23号 (research §7.1); QN5 (seeds/004): 同等条件下优先申报、优先参评、优先聘任"));
        }
        else
        {
            later.Add(new("F5.privileges", Text([.. ZhejiangPrivileges, Measures.TitlePrivilege.GrassrootsEquivalent, Measures.TitlePrivilege.RatioExemption]),
                MeasuresForMedicalStaff, "ZJ3 破格申报, 浙江/SX 免于答辩 (seeds/000); 国发明电〔2020〕5号 (22 Feb 2020) measure 3: 不受单位岗位结构比例限制, 视为一年基层工作经历"));
            later.Add(new("F5.privileges", Text([.. National, Measures.TitlePrivilege.ExceptionalApplication, Measures.TitlePrivilege.DefenceExemption]), TitleNotice,
                "国发明电〔2020〕5号, 人社厅发〔2020〕23号 (4 Mar 2020, national); ZJ3 破格申报, 浙江/SX 免于答辩 (seeds/000, research §7.2)"));
        }
        return [.. later.OrderBy(v => v.EffectiveFrom)];
    }

    private static string Text<TEnum>(IEnumerable<TEnum> set) where TEnum : struct, Enum =>
        string.Join(',', Enum.GetValues<TEnum>().Where(set.Contains));

    /// <summary>The first value of every parameter, in force from <see cref="ResponseStart"/>.</summary>
    public static PolicyParameters First(PolicyProfileCode profile) => new(
        profile,
        A6For(profile),
        new("B1.minRestDaysPer7", 1, Epidemic,
            Start("劳动法 第三十八条: 用人单位应当保证劳动者每周至少休息一日; rotation rest (轮休) in ZJ5, SX, GZ3, QN7")),
        new B2Thresholds(
            new("B2.maxConsecutiveDutyDays", 13, Epidemic,
                "policy-rules-research §3.3: a community worker was forced to rest after 13 consecutive days (Ningbo, Feb 2020); no national number"),
            new("B2.maxShiftHours", 12, Epidemic,
                "portal default (issue #3); no national number for cadres (policy-rules-research §3.3)"),
            new("B2.maxHoursIn7Days", 60, Epidemic,
                "portal default (issue #3); Chongqing aid teams worked 20–30 h/week in wards (policy-rules-research §3.3)"),
            new("B2.maxHighRiskPostDays", 30, Epidemic,
                "Hubei measures for frontline medical staff, 18 Feb 2020: continuous frontline work ≤ 1 month (policy-rules-research §3.3)"),
            new("B2.forcedRestGraceDays", 3, Epidemic,
                "portal default: an open forced-rest case older than this shows red (issue #3)")),
        new B3LeaveRules(
            new("B3.carryOverYears", 1, Epidemic, Start("职工带薪年休假条例 (2008) 第五条: may be carried over one year")),
            new("B3.halfDayBelowHours", 4, Epidemic,
                Start("portal default: duty on a rest day or holiday earns one day of 补休 (公务员法 第八十二条), half a day when shorter than this")),
            new("B3.annualDaysFrom1Year", 5, Epidemic, Start("职工带薪年休假条例 (2008) 第三条: ≥1 and <10 years of service: 5 days")),
            new("B3.annualDaysFrom10Years", 10, Epidemic, Start("职工带薪年休假条例 (2008) 第三条: ≥10 and <20 years: 10 days")),
            new("B3.annualDaysFrom20Years", 15, Epidemic, Start("职工带薪年休假条例 (2008) 第三条: ≥20 years: 15 days"))),
        new("B5.reportCadenceDays", 7, Epidemic,
            "portal default: weekly rest & welfare reports to the organisation department (ZJ cover notice, HN end: report implementation)"),
        new("B5.reportDueDays", 2, Epidemic,
            "portal default: a report is due this many days after its period ends, then listed as overdue (issue #3)"),
        F6For(profile),
        F7For(profile),
        new Measures.F9StarRules(
            new("F9.star1Hours", 100, Epidemic, StarSource),
            new("F9.star2Hours", 300, Epidemic, StarSource),
            new("F9.star3Hours", 600, Epidemic, StarSource),
            new("F9.star4Hours", 1000, Epidemic, StarSource),
            new("F9.star5Hours", 1500, Epidemic, StarSource)),
        new("F2.youthMaxAge", 35, Epidemic,
            Start("ZJ2 (seeds/000): 经受考验的村(社区)干部和青年人才，优先纳入村(社区)组织换届推荐人选; 青年 up to 35 per 中长期青年发展规划（2016—2025年）")),
        new Measures.F1FastTrackRules(
            profile switch
            {
                PolicyProfileCode.ZJ => new("F1.quotaExempt", true, Epidemic, Start("ZJ2 (seeds/000): 及时发展入党,不受发展党员指导性计划限制 — for frontline work since the response began")),
                PolicyProfileCode.GZ => new("F1.quotaExempt", false, Epidemic,
                    "中国共产党发展党员工作细则 (2014): admission within the unit's 发展党员指导性计划 — the general rule before Guangzhou's ten measures (2021-06-10)"),
                PolicyProfileCode.HN => new("F1.quotaExempt", true, Epidemic,
                    Start("HN8 (seeds/003, 2020-03-06): 可火线发展入党，不受发展党员指导性计划限制, as the 中组部 notice of 2020-02-23 allows for frontline work since the response began")),
                PolicyProfileCode.SX => new("F1.quotaExempt", false, Epidemic, Start("SX (seeds/001): 对已提交入党申请书的对象要优先纳入党员发展计划 — priority within the plan, not outside it")),
                _ => new("F1.quotaExempt", false, Epidemic, Start("中国共产党发展党员工作细则 (2014): within the plan; QN4 (seeds/004, 2021-09-12): 对特别优秀的可按程序“火线”入党 — no exemption from the plan stated")),
            },
            new("F1.activistMinMonths", 12, Epidemic, Start("中国共产党发展党员工作细则 (2014): 入党积极分子经过一年以上培养教育和考察")),
            new("F1.probationMonths", 12, Epidemic, Start("中国共产党发展党员工作细则 (2014): 预备期一年，从支部大会通过之日算起 (not waived by the fast track)")),
            new("F1.approvalMaxMonths", 3, Epidemic, Start("中国共产党发展党员工作细则 (2014): 上级党委在三个月内审批 (policy-rules-research §5.1)"))),
        F5For(profile),
        new Measures.C3HealthRules(
            new("C3.feverThresholdTenths", 373, Epidemic,
                Start("37.3 °C is the usual fever line of the 防控方案 (policy-rules-research §8.1, Low — local); GZ4 (seeds/002): 落实身体状况日报制度"))),
        D1For(profile),
        new Measures.D5CaseRules(
            new("D5.unitClaimDays", 30, Epidemic, Start("工伤保险条例 (2011) 第十七条: 用人单位…自事故伤害发生之日或者被诊断、鉴定为职业病之日起30日内…提出工伤认定申请")),
            new("D5.personClaimMonths", 12, Epidemic, Start("工伤保险条例 (2011) 第十七条: 用人单位未提出的，工伤职工或者其近亲属、工会组织…1年内可以直接…提出")),
            new("D5.decisionDays", 60, Epidemic, Start("工伤保险条例 (2011) 第二十条: 自受理工伤认定申请之日起60日内作出工伤认定的决定 (15 days when the facts are clear)")),
            new("E4.followUpDays", 30, Epidemic, Start("portal default: a bereaved family is contacted monthly (E4)"))),
        new("E3.openLimitDays", 14, Epidemic,
            Start("portal default: two weeks for 及时 — GZ6 (seeds/002): 对一线抗疫人员的家事心事急难事…及时帮助解决; HN5: 及时建立台账，帮助协调解决")),
        G1For(profile),
        new Measures.G2ClarificationRules(
            new("G2.methods", Enum.GetValues<Measures.ClarificationMethod>(), Epidemic,
                Start("policy-rules-research §4.4: 发函说明、当面说明、通报 (纪检监察机关处理检举控告工作规则, High-Medium); a meeting and a public notice (QN7 公开向社会予以澄清)")),
            new("G2.publicRequired", false, Epidemic,
                Start("SX, HN9 (seeds/001, 003): 及时予以澄清 — the method is the handling department's choice" + (profile == PolicyProfileCode.QN ? ", until QN7 (2021-09-12)" : ""))),
            new("G2.clearDays", 30, Epidemic, Start("portal default (Low): SX/HN9 应予以及时澄清 — within 30 days of the approval"))),
        new Measures.G3IncidentRules(
            new("G3.policeKinds", [Measures.IncidentKind.Violence, Measures.IncidentKind.Threat], Epidemic,
                Start("治安管理处罚法: violence and threats against a person are police matters; discrimination goes to 批评教育 first (as HN9, seeds/003, 2020-03-06, later says)")),
            new("G3.referralDays", 3, Epidemic, Start("portal default (Low): HN9 要及时批评教育 — refer within 3 days of recording"))),
        new("H4.deadlineDays", 15, Epidemic,
            Start("portal default (Low): an inspector may set any deadline; QN1 (seeds/004, 2021-09-12) 建立问题清单,实行台账管理,限时整改销号 names no number")));

    private const string ToleranceCommon = "policy-rules-research §4.3 (Medium): 遵纪守法 · 出于公心 · 勤勉尽责 · 程序正当 (or an emergency decision reported promptly) · 知错就改";

    /// <summary>G1: each seed's wording of the conditions; the common pattern where a seed only names the mechanism (ZJ4) or is silent (GZ).</summary>
    private static Measures.G1ToleranceRules G1For(PolicyProfileCode profile)
    {
        Measures.ToleranceCondition[] general =
        [
            Measures.ToleranceCondition.NoBanBreached, Measures.ToleranceCondition.NoPrivateGain, Measures.ToleranceCondition.DutiesPerformed,
            Measures.ToleranceCondition.EmergencyReported, Measures.ToleranceCondition.Corrected,
        ];
        // The first value everywhere: the common pattern from the start; SX, HN and QN replace it from their documents' days (Later).
        var (conditions, from, source) = ((Measures.ToleranceCondition[])[Measures.ToleranceCondition.StopSpread, Measures.ToleranceCondition.Decisive, .. general],
            Epidemic, Start(profile switch
            {
                PolicyProfileCode.ZJ => "ZJ4 (seeds/000): 加大容错纠错、澄清保护力度 — no criteria of its own; SX's COVID wording and " + ToleranceCommon,
                PolicyProfileCode.GZ => "GZ (seeds/002) names no error tolerance; SX's COVID wording and " + ToleranceCommon,
                _ => "before this profile's own document: SX's COVID wording and " + ToleranceCommon,
            }));
        return new Measures.G1ToleranceRules(
            new("G1.conditions", conditions, from, source),
            new("G1.exclusions", Enum.GetValues<Measures.ToleranceExclusion>(), from,
                Start("policy-rules-research §4.3 (Low-Medium): the usual negative list — political discipline, private gain, acting after an explicit ban, falsification or concealment, serious loss or bad impact, repeating the mistake, refusing to correct")),
            new("G1.decisionDays", 30, from, Start("policy-rules-research §4.3 (Low, not verified): decide within about 30 days")),
            new("G1.noticeDays", 5, from, Start("portal default (Low): written notice to the person within 5 days of the decision (反馈)")),
            new("G1.filingDays", 15, from, Start("portal default (Low): filing with the higher level within 15 days of the notice (报备)")));
    }

    private const string NationalSubsidySource =
        "财社〔2020〕2号 applying 人社部规〔2016〕4号 class 1: 300 yuan/day in direct contact with suspected or confirmed cases, 200 yuan/day for other frontline epidemic work (policy-rules-research §1.2, High)";

    private static Measures.D1D2SubsidyRules D1For(PolicyProfileCode profile) => new(
        new("D1.tierIYuan", 300, Epidemic, NationalSubsidySource),
        new("D1.tierIIYuan", 200, Epidemic, NationalSubsidySource),
        new("D1.tierCategories", [WorkerCategory.MedicalWorker], Epidemic,
            "财社〔2020〕2号: 医务人员和防疫工作者; community workers and cadres are not in the national scheme (国发明电〔2020〕8号, research §1.5)"),
        new("D1.regionMultiplierPercent", 100, Epidemic,
            "国发明电〔2020〕5号 measure 1: in Hubei the subsidy is raised by 100% — set 200 in a Hubei profile; no shipped profile is Hubei (research §1.3)"),
        new("D1.aidTeamMultiplierPercent", 100, Epidemic,
            "财社〔2020〕2号: the tier itself, no raise for aid teams until 国发明电〔2020〕5号 doubles it from 22 Feb 2020 (research §1.3)"),
        new("D1.halfDayMaxHours", 4, Epidemic,
            "local practice (Ningxia Shizuishan): up to 4 hours counts as half a day (research §1.4, Low-Medium — confirm locally)"),
        new("D1.topUpCategories", [WorkerCategory.CommunityCadre], Epidemic,
            profile is PolicyProfileCode.SX
                ? "SX (seeds/001): 各区、县(市)要统筹考虑一线防控工作人员情况，给予适当补助"
                : "ZJ6 (seeds/000): 各县(市、区)可统筹考虑乡镇(街道)、村(社区)参加一线防控工作人员情况，给予适当补助; 国发明电〔2020〕8号 for community workers"),
        new("D1.topUpYuan", 0, Epidemic,
            "set by the county (ZJ6, SX: 给予适当补助 — no provincial amount); e.g. Fujian ≤ 200, Sichuan ≥ 30–70 yuan/day (research §1.5)"),
        new("D2.mealYuan", 0, Epidemic,
            profile is PolicyProfileCode.SX
                ? "SX (seeds/001): 落实好…临时性工作补助和伙食补助等政策 — amount set locally"
                : "no meal subsidy named in this profile's seed; set an amount to pay one (SX 伙食补助)"),
        new("D2.allowanceEnabled", false, Epidemic, profile is PolicyProfileCode.HN
            ? "the allowance is paid with salary, not on the sheet, until HN4 (2020-03-06) names it"
            : "not named in this profile's seed; the allowance is usually paid with salary (switch on to include it in the sheet)"),
        new("D2.allowanceClass1MonthlyYuan", 560, Epidemic,
            Start("2020 national adjustment of 卫生防疫津贴: class 一类 560 yuan/month (research §1.6, numbers Medium); paid pro rata of the month's days on duty (portal reading, Low)")),
        new("D2.allowanceClass2MonthlyYuan", 450, Epidemic,
            Start("2020 national adjustment of 卫生防疫津贴: class 二类 450 yuan/month (research §1.6, numbers Medium)")));

    private static readonly Measures.TitlePrivilege[] National =
    [
        Measures.TitlePrivilege.PriorityReview, Measures.TitlePrivilege.EarlyApplication, Measures.TitlePrivilege.PaperExemption,
        Measures.TitlePrivilege.PracticeAssessmentExemption, Measures.TitlePrivilege.ContinuingEducationCredit,
        Measures.TitlePrivilege.GrassrootsEquivalent, Measures.TitlePrivilege.RatioExemption,
    ];

    private static readonly Measures.TitlePrivilege[] ZhejiangPrivileges =
        [Measures.TitlePrivilege.PriorityReview, Measures.TitlePrivilege.ExceptionalApplication, Measures.TitlePrivilege.DefenceExemption];

    /// <summary>
    /// F5 first values: in ZJ and SX, Zhejiang's 优先评定, 破格 and 免于答辩 for frontline work since the start; elsewhere none until
    /// the national measures (国发明电〔2020〕5号 on 22 Feb, 人社厅发〔2020〕23号 on 4 Mar 2020: <see cref="Later"/>).
    /// </summary>
    private static PolicyParameter<Measures.TitlePrivilege[]> F5For(PolicyProfileCode profile) =>
        profile is PolicyProfileCode.ZJ or PolicyProfileCode.SX
            ? new("F5.privileges", ZhejiangPrivileges, Epidemic,
                Start("ZJ3 (seeds/000): 在职称评定上优先评定, 破格申报; 浙江/SX 免于答辩 (research §7.2) — for frontline work since the response began"))
            : new("F5.privileges", [], Epidemic, "none before the national measures: 国发明电〔2020〕5号 (22 Feb 2020), 人社厅发〔2020〕23号 (4 Mar 2020)");

    private const string StarSource =
        "民政部 志愿服务记录办法 (2012) star levels 100/300/600/1,000/1,500 h, also used in Guangdong (policy-rules-research §8.2, Medium); GZ7 (seeds/002): 依托志愿时等管理系统为志愿者记录服务时数并在疫情过后结合上岗时数…进行表彰激励; " + FromTheStart;

    private static readonly Measures.AwardKind[] CivilServantLadder =
    [
        Measures.AwardKind.AnnualEvaluationExcellent, Measures.AwardKind.Commendation, Measures.AwardKind.ThirdClassMerit,
        Measures.AwardKind.SecondClassMerit, Measures.AwardKind.FirstClassMerit, Measures.AwardKind.HonoraryTitle,
        Measures.AwardKind.TimelyCommendation, Measures.AwardKind.AdvancedIndividual,
    ];

    private static readonly Measures.AwardKind[] PublicInstitutionLadder =
    [
        Measures.AwardKind.AnnualEvaluationExcellent, Measures.AwardKind.Commendation, Measures.AwardKind.MeritCitation,
        Measures.AwardKind.MajorMeritCitation, Measures.AwardKind.HonoraryTitle, Measures.AwardKind.TimelyCommendation,
        Measures.AwardKind.AdvancedIndividual,
    ];

    private static Measures.F6QuotaRules F6For(PolicyProfileCode profile)
    {
        var zhejiang = profile is PolicyProfileCode.ZJ or PolicyProfileCode.SX;
        return new(
            zhejiang
                ? new("F6.frontlineQuotaLimited", true, Epidemic,
                    "ZJ3 (浙组通〔2020〕3号 三): 可再单列核定年度考核优秀等次指标，优秀比例最高可占参加总人数的30% (seeds/000; SX applies it in Shaoxing)")
                : new("F6.frontlineQuotaLimited", false, Epidemic,
                    Start("人社部 关心关爱一线医务人员人事激励工作指南 (2020-03, for the 2020 annual evaluation): 单独核增优秀名额，不受单位或地区优秀比例限制; HN7 优先确定为优秀 (policy-rules-research §2.4–2.5)")),
            new("F6.frontlineExcellentPercent", 30, Epidemic, "ZJ3: 优秀比例最高可占参加总人数的30% (seeds/000)"),
            new("F6.quotaRounding", Measures.QuotaRounding.Floor, Epidemic,
                "not stated in the documents; floor is the common local reading (policy-rules-research §2.6, Low — confirm locally)"),
            new("F6.quotaMinimumOne", true, Epidemic,
                "local reading: a unit with at least one frontline participant gets at least one place (policy-rules-research §2.6, Low — confirm locally)"),
            new("F6.meritImpliesExcellent", false, Epidemic,
                "off by default; Wuhan 2020: 记三等功（记功）以上的，当年年度考核时可以直接确定为优秀等次 (policy-rules-research §2.5)"));
    }

    private static Measures.F7AwardRules F7For(PolicyProfileCode profile) => new(
        new("F7.ladderCivilServant", CivilServantLadder, Epidemic,
            Start("公务员法 (2019) 第五十三条: 嘉奖、记三等功、记二等功、记一等功、授予称号; 第五十一条 及时奖励; annual evaluation 第三十八条")),
        new("F7.ladderPublicInstitution", PublicInstitutionLadder, Epidemic,
            Start("事业单位工作人员奖励规定 (2018): 嘉奖、记功、记大功、授予称号 (policy-rules-research §2.3)")),
        new("F7.ladderOther", [Measures.AwardKind.TimelyCommendation, Measures.AwardKind.AdvancedIndividual], Epidemic,
            "ZJ7: 对…先进集体、先进个人…可给予及时性表彰 (seeds/000); for community workers, volunteers and others outside the two statutes"),
        new("F7.collectiveKinds",
            [Measures.AwardKind.AdvancedCollective, Measures.AwardKind.TimelyCommendation, Measures.AwardKind.Commendation, Measures.AwardKind.ThirdClassMerit],
            Epidemic, "公务员奖励规定 (2020): collectives may be commended and cited (集体嘉奖、记集体三等功); ZJ7 先进集体 (seeds/000)"),
        new("F7.ratioCapsEnabled", false, Epidemic,
            profile is PolicyProfileCode.ZJ or PolicyProfileCode.SX
                ? "ZJ3: 可及时按有关规定给予嘉奖、记功奖励，奖励比例可不受限制 (seeds/000)"
                : Start("人社部 工作指南 (2020-03): 及时奖励不设比例（名额）限制 (policy-rules-research §2.4)")),
        new("F7.capCommendationPercent", 35, Epidemic, "广西 公务员及时奖励办法（试行）: 嘉奖 ≤ 35% of those directly involved (policy-rules-research §2.5)"),
        new("F7.capThirdClassPercent", 10, Epidemic, "广西 公务员及时奖励办法（试行）: 记三等功 ≤ 10% (policy-rules-research §2.5)"),
        new("F7.capSecondClassPercent", 1, Epidemic, "广西 公务员及时奖励办法（试行）: 记二等功 ≤ 1% (policy-rules-research §2.5)"),
        new("F7.reviewLevels", 1, Epidemic,
            "portal default: one supervisor decides; a profile may require review by successive higher levels (e.g. unit → county → city)"));

    /// <summary>The values each parameter may take; a change outside them is refused.</summary>
    public static readonly IReadOnlyDictionary<string, PolicyParameterRange> Ranges = new PolicyParameterRange[]
    {
        new("A6.warnWhenSpouseDeployed", true, 0, 1),
        new("B1.minRestDaysPer7", false, 0, 6),
        new("B2.maxConsecutiveDutyDays", false, 1, 60),
        new("B2.maxShiftHours", false, 1, 24),
        new("B2.maxHoursIn7Days", false, 1, 168),
        new("B2.maxHighRiskPostDays", false, 1, 180),
        new("B2.forcedRestGraceDays", false, 0, 30),
        new("B3.carryOverYears", false, 0, 5),
        new("B3.halfDayBelowHours", false, 0, 24),
        new("B3.annualDaysFrom1Year", false, 0, 30),
        new("B3.annualDaysFrom10Years", false, 0, 30),
        new("B3.annualDaysFrom20Years", false, 0, 30),
        new("B5.reportCadenceDays", false, 1, 31),
        new("B5.reportDueDays", false, 0, 14),
        new("C3.feverThresholdTenths", false, 370, 385),
        new("D1.tierIYuan", false, 0, 10000),
        new("D1.tierIIYuan", false, 0, 10000),
        new("D1.tierCategories", false, 0, 0, Enum.GetNames<WorkerCategory>(), Multiple: true),
        new("D1.regionMultiplierPercent", false, 100, 300),
        new("D1.aidTeamMultiplierPercent", false, 100, 300),
        new("D1.halfDayMaxHours", false, 0, 12),
        new("D1.topUpCategories", false, 0, 0, Enum.GetNames<WorkerCategory>(), Multiple: true),
        new("D1.topUpYuan", false, 0, 10000),
        new("D2.mealYuan", false, 0, 1000),
        new("D2.allowanceEnabled", true, 0, 1),
        new("D2.allowanceClass1MonthlyYuan", false, 0, 10000),
        new("D2.allowanceClass2MonthlyYuan", false, 0, 10000),
        new("D5.unitClaimDays", false, 1, 90),
        new("D5.personClaimMonths", false, 1, 36),
        new("D5.decisionDays", false, 1, 180),
        new("E4.followUpDays", false, 1, 180),
        new("E3.openLimitDays", false, 1, 180),
        new("G1.conditions", false, 0, 0, Enum.GetNames<Measures.ToleranceCondition>(), Multiple: true),
        new("G1.exclusions", false, 0, 0, Enum.GetNames<Measures.ToleranceExclusion>(), Multiple: true),
        new("G1.decisionDays", false, 1, 180),
        new("G1.noticeDays", false, 1, 60),
        new("G1.filingDays", false, 1, 90),
        new("G2.methods", false, 0, 0, Enum.GetNames<Measures.ClarificationMethod>(), Multiple: true),
        new("G2.publicRequired", true, 0, 1),
        new("G2.clearDays", false, 1, 180),
        new("G3.policeKinds", false, 0, 0, Enum.GetNames<Measures.IncidentKind>(), Multiple: true),
        new("G3.referralDays", false, 1, 60),
        new("H4.deadlineDays", false, 1, 180),
        new("F6.frontlineQuotaLimited", true, 0, 1),
        new("F6.frontlineExcellentPercent", false, 0, 100),
        new("F6.quotaRounding", false, 0, 0, Enum.GetNames<Measures.QuotaRounding>()),
        new("F6.quotaMinimumOne", true, 0, 1),
        new("F6.meritImpliesExcellent", true, 0, 1),
        new("F7.ladderCivilServant", false, 0, 0, Enum.GetNames<Measures.AwardKind>(), Multiple: true),
        new("F7.ladderPublicInstitution", false, 0, 0, Enum.GetNames<Measures.AwardKind>(), Multiple: true),
        new("F7.ladderOther", false, 0, 0, Enum.GetNames<Measures.AwardKind>(), Multiple: true),
        new("F7.collectiveKinds", false, 0, 0, Enum.GetNames<Measures.AwardKind>(), Multiple: true),
        new("F7.ratioCapsEnabled", true, 0, 1),
        new("F7.capCommendationPercent", false, 0, 100),
        new("F7.capThirdClassPercent", false, 0, 100),
        new("F7.capSecondClassPercent", false, 0, 100),
        new("F7.reviewLevels", false, 1, 4),
        new("F2.youthMaxAge", false, 18, 45),
        new("F1.quotaExempt", true, 0, 1),
        new("F5.privileges", false, 0, 0, Enum.GetNames<Measures.TitlePrivilege>(), Multiple: true),
        new("F1.activistMinMonths", false, 0, 36),
        new("F1.probationMonths", false, 6, 24),
        new("F1.approvalMaxMonths", false, 1, 6),
        new("F9.star1Hours", false, 1, 10000),
        new("F9.star2Hours", false, 1, 10000),
        new("F9.star3Hours", false, 1, 10000),
        new("F9.star4Hours", false, 1, 10000),
        new("F9.star5Hours", false, 1, 10000),
    }.ToDictionary(r => r.Key);

    /// <summary>The value normalised ("true"/"false", or digits), or null when the parameter cannot take it.</summary>
    public static string? Check(string key, string? value)
    {
        if (!Ranges.TryGetValue(key, out var range) || string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (range.Options is { } options)
        {
            var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            if (chosen.Count == 0 || chosen.Any(c => !options.Contains(c)) || (!range.Multiple && chosen.Count > 1)) return null;
            return string.Join(',', options.Where(chosen.Contains)); // in catalog order
        }
        if (range.IsSwitch) return bool.TryParse(value, out var b) ? (b ? "true" : "false") : null;
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
               && n >= range.Min && n <= range.Max ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// ZJ, GZ and QN do not name couples; the portal still warns, as the national practice the HN and SX texts follow, from the
    /// start (SX and HN cite their own documents from their days: <see cref="Later"/>). A profile may switch it off.
    /// </summary>
    private static PolicyParameter<bool> A6For(PolicyProfileCode profile) =>
        new("A6.warnWhenSpouseDeployed", true, Epidemic, Start("default: national practice cited by HN5 and SX (policy-rules-research.md)"));
}
