using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Policy.Measures;

/// <summary>The lists a proven frontline worker can be put on (F2, F3, F4, F10).</summary>
public enum TalentList
{
    /// <summary>优秀干部库 (F3, QN3)</summary>
    TalentPool,
    /// <summary>后备干部 (F3)</summary>
    ReserveCadre,
    /// <summary>提拔重用、优先晋升职级 (F3, ZJ2)</summary>
    PromotionPriority,
    /// <summary>村(社区)组织换届推荐人选 (F2, ZJ2)</summary>
    VillageElectionPriority,
    /// <summary>乡镇(街道)干部选拔、公务员考录遴选、国有企事业单位招聘同等条件下优先 (F4, ZJ2)</summary>
    RecruitmentPriority,
    /// <summary>优才卡 (F10, QN5)</summary>
    TalentCard,
}

/// <summary>Why a person cannot go on a list (null: they can).</summary>
public enum TalentIneligibility
{
    NoFrontlineRecord,
    NotCommunityCadreOrYouth,
    NotCommunityCadre,
    NoStaffPost,
}

/// <summary>
/// Who may be put on which list, as the seeds word it. Everyone needs a frontline record (a deployment): the lists are
/// for people "tested at the frontline". Beyond that: ZJ2 gives the village-election priority to 经受考验的村(社区)干部和
/// 青年人才 and the recruitment priority to 村(社区)干部; promotion and rank advancement need a post in the civil service
/// or a public institution; the talent pool, reserve cadres and the talent card (QN3, QN5) have no further condition.
/// </summary>
public static class F2F4TalentLists
{
    public static TalentIneligibility? Check(TalentList list, WorkerCategory category, StaffCategory staff, int? age, bool hasDeployment, int youthMaxAge)
    {
        if (!hasDeployment) return TalentIneligibility.NoFrontlineRecord;
        return list switch
        {
            TalentList.VillageElectionPriority when category != WorkerCategory.CommunityCadre && !(age <= youthMaxAge) => TalentIneligibility.NotCommunityCadreOrYouth,
            TalentList.RecruitmentPriority when category != WorkerCategory.CommunityCadre => TalentIneligibility.NotCommunityCadre,
            TalentList.PromotionPriority when staff == StaffCategory.Other => TalentIneligibility.NoStaffPost,
            _ => null,
        };
    }

    /// <summary>Full years of age on a day, from the birth date in the national ID.</summary>
    public static int? Age(string nationalId, DateOnly today) =>
        NationalIdNumber.BirthDate(nationalId) is { } birth ? today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0) : null;
}
