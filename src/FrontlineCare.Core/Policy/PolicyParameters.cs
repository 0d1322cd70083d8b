namespace FrontlineCare.Core.Policy;

/// <summary>A parameter of a policy profile in force from a day, with the text it comes from.</summary>
public sealed record PolicyParameter<T>(string Key, T Value, DateOnly EffectiveFrom, string Source);

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
    PolicyParameter<int> B5ReportDueDays)
{
    /// <summary>Every parameter as (key, value as text, in force from, source), in catalog order.</summary>
    public IReadOnlyList<PolicyParameter<string>> All() =>
    [
        Text(A6WarnWhenSpouseDeployed), Text(B1MinRestDaysPer7),
        Text(B2.MaxConsecutiveDutyDays), Text(B2.MaxShiftHours), Text(B2.MaxHoursIn7Days), Text(B2.MaxHighRiskPostDays),
        Text(B2.ForcedRestGraceDays),
        Text(B3.CarryOverYears), Text(B3.HalfDayBelowHours), Text(B3.AnnualDaysFrom1Year), Text(B3.AnnualDaysFrom10Years), Text(B3.AnnualDaysFrom20Years),
        Text(B5ReportCadenceDays), Text(B5ReportDueDays),
    ];

    /// <summary>These parameters with one replaced by a recorded change (value already checked by <see cref="PolicyCatalog.Check"/>).</summary>
    public PolicyParameters With(string key, string value, DateOnly from, string source)
    {
        PolicyParameter<int> Int(PolicyParameter<int> p) => p with { Value = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), EffectiveFrom = from, Source = source };
        return key switch
        {
            "A6.warnWhenSpouseDeployed" => this with { A6WarnWhenSpouseDeployed = A6WarnWhenSpouseDeployed with { Value = bool.Parse(value), EffectiveFrom = from, Source = source } },
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
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a policy parameter"),
        };
    }

    private static PolicyParameter<string> Text<T>(PolicyParameter<T> p) =>
        new(p.Key, p.Value is bool b ? (b ? "true" : "false") : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!, p.EffectiveFrom, p.Source);
}

/// <summary>What values a parameter may take: whole numbers in [Min, Max], or a yes/no.</summary>
public sealed record PolicyParameterRange(string Key, bool IsSwitch, int Min, int Max);

/// <summary>
/// The defaults of each profile, each with its source (seed text, statute or the research note
/// `shared/domain/policy-rules-research.md`). These are in force until OrgDepartment records an effective-dated
/// change (<c>PolicyProfileService</c>), which then overrides the default from its day on.
/// </summary>
public static class PolicyCatalog
{
    private static readonly DateOnly Epidemic = new(2020, 1, 23); // Zhejiang's Level I response began

    public static PolicyParameters For(PolicyProfileCode profile) => new(
        profile,
        A6For(profile),
        new("B1.minRestDaysPer7", 1, Epidemic,
            "劳动法 第三十八条: 用人单位应当保证劳动者每周至少休息一日; rotation rest (轮休) in ZJ5, SX, GZ3, QN7"),
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
            new("B3.carryOverYears", 1, new(2008, 1, 1), "职工带薪年休假条例 第五条: may be carried over one year"),
            new("B3.halfDayBelowHours", 4, new(2008, 1, 1),
                "portal default: duty on a rest day or holiday earns one day of 补休 (公务员法 第八十二条), half a day when shorter than this"),
            new("B3.annualDaysFrom1Year", 5, new(2008, 1, 1), "职工带薪年休假条例 第三条: ≥1 and <10 years of service: 5 days"),
            new("B3.annualDaysFrom10Years", 10, new(2008, 1, 1), "职工带薪年休假条例 第三条: ≥10 and <20 years: 10 days"),
            new("B3.annualDaysFrom20Years", 15, new(2008, 1, 1), "职工带薪年休假条例 第三条: ≥20 years: 15 days")),
        new("B5.reportCadenceDays", 7, Epidemic,
            "portal default: weekly rest & welfare reports to the organisation department (ZJ cover notice, HN end: report implementation)"),
        new("B5.reportDueDays", 2, Epidemic,
            "portal default: a report is due this many days after its period ends, then listed as overdue (issue #3)"));

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
    }.ToDictionary(r => r.Key);

    /// <summary>The value normalised ("true"/"false", or digits), or null when the parameter cannot take it.</summary>
    public static string? Check(string key, string? value)
    {
        if (!Ranges.TryGetValue(key, out var range) || string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (range.IsSwitch) return bool.TryParse(value, out var b) ? (b ? "true" : "false") : null;
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
               && n >= range.Min && n <= range.Max ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static PolicyParameter<bool> A6For(PolicyProfileCode profile) => profile switch
    {
        PolicyProfileCode.HN => new("A6.warnWhenSpouseDeployed", true, new(2020, 3, 6),
            "HN5 豫高发〔2020〕9号: 尽量不安排双职工的党员干部同时到防控一线工作 (seeds/003)"),
        PolicyProfileCode.SX => new("A6.warnWhenSpouseDeployed", true, new(2020, 2, 3),
            "SX 十二条: 主动帮助解决…双职工“战疫”一线等带来的生活困难 (seeds/001)"),
        // ZJ, GZ and QN do not name couples; the portal still warns, as the national practice the
        // HN and SX texts follow. A profile may switch it off.
        _ => new("A6.warnWhenSpouseDeployed", true, new(2020, 1, 1),
            "default: national practice cited by HN5 and SX (policy-rules-research.md)"),
    };
}
