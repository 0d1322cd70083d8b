using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Policy.Measures;

/// <summary>What frontline service may bring to a professional-title application (F5).</summary>
public enum TitlePrivilege
{
    PriorityReview,
    EarlyApplication,
    ExceptionalApplication,
    DefenceExemption,
    PaperExemption,
    PracticeAssessmentExemption,
    ContinuingEducationCredit,
    GrassrootsEquivalent,
    RatioExemption,
}

/// <summary>Why a person is not offered title privileges (null: they are).</summary>
public enum TitleIneligibility
{
    NotAHealthProfessional,
    NoFrontlineRecord,
}

/// <summary>
/// F5: the title privileges a profile grants and the rule behind each. They are for frontline health professionals
/// (人社厅发〔2020〕23号: 疫情防控一线专业技术人员; ZJ3: 参加一线防控工作表现突出的医务工作者): a medical worker with a frontline
/// deployment. The profile chooses which privileges it grants (`F5.privileges`).
/// </summary>
public static class F5TitlePrivileges
{
    /// <summary>The rule that grants each privilege, as cited to the user.</summary>
    public static string Rule(TitlePrivilege privilege) => privilege switch
    {
        TitlePrivilege.PriorityReview => "国发明电〔2020〕5号 第三条: 优先申报、优先参评、优先聘任; ZJ3: 在职称评定上优先评定",
        TitlePrivilege.EarlyApplication => "人社厅发〔2020〕23号: 可提前一年申报高一级职称或参加职称考试",
        TitlePrivilege.ExceptionalApplication => "ZJ3 (seeds/000): 经核准可相应放宽条件或破格申报",
        TitlePrivilege.DefenceExemption => "SX / 浙江 (research §7.2): 因疫情未能参加答辩的，可免于答辩，由评委会直接评审",
        TitlePrivilege.PaperExemption => "人社厅发〔2020〕23号: 论文不作要求，临床病案、诊疗方案等可作为业绩成果",
        TitlePrivilege.PracticeAssessmentExemption => "人社厅发〔2020〕23号: 免于专业实践能力考核",
        TitlePrivilege.ContinuingEducationCredit => "人社厅发〔2020〕23号: 参加疫情防控工作视同完成当年继续教育学时（学分）",
        TitlePrivilege.GrassrootsEquivalent => "国发明电〔2020〕5号 / 人社厅发〔2020〕23号: 疫情防控工作视为一年基层工作经历",
        _ => "国发明电〔2020〕5号: 晋升职称和岗位等级不受单位岗位结构比例限制",
    };

    public static TitleIneligibility? Check(WorkerCategory category, bool hasDeployment) =>
        category != WorkerCategory.MedicalWorker ? TitleIneligibility.NotAHealthProfessional
        : !hasDeployment ? TitleIneligibility.NoFrontlineRecord
        : null;
}
