using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;

namespace FrontlineCare.Core.Tests.Policy;

public sealed class F2F4TalentListsTests
{
    [Theory]
    [InlineData(TalentList.VillageElectionPriority, WorkerCategory.CommunityCadre, StaffCategory.Other, 50, null)]
    [InlineData(TalentList.VillageElectionPriority, WorkerCategory.MedicalWorker, StaffCategory.PublicInstitution, 35, null)]   // young talent, at the limit
    [InlineData(TalentList.VillageElectionPriority, WorkerCategory.MedicalWorker, StaffCategory.PublicInstitution, 36, TalentIneligibility.NotCommunityCadreOrYouth)]
    [InlineData(TalentList.RecruitmentPriority, WorkerCategory.CommunityCadre, StaffCategory.Other, 50, null)]
    [InlineData(TalentList.RecruitmentPriority, WorkerCategory.Volunteer, StaffCategory.Other, 25, TalentIneligibility.NotCommunityCadre)]
    [InlineData(TalentList.PromotionPriority, WorkerCategory.PartyCadre, StaffCategory.CivilServant, 40, null)]
    [InlineData(TalentList.PromotionPriority, WorkerCategory.CommunityCadre, StaffCategory.Other, 40, TalentIneligibility.NoStaffPost)]
    [InlineData(TalentList.TalentPool, WorkerCategory.Volunteer, StaffCategory.Other, 60, null)]
    [InlineData(TalentList.TalentCard, WorkerCategory.MedicalWorker, StaffCategory.PublicInstitution, 60, null)]
    public void Each_list_takes_whom_the_seeds_name(TalentList list, WorkerCategory category, StaffCategory staff, int age, TalentIneligibility? expected) =>
        F2F4TalentLists.Check(list, category, staff, age, hasDeployment: true, youthMaxAge: 35).ShouldBe(expected);

    [Fact]
    public void Nobody_without_a_frontline_deployment_goes_on_any_list()
    {
        foreach (var list in Enum.GetValues<TalentList>())
            F2F4TalentLists.Check(list, WorkerCategory.CommunityCadre, StaffCategory.CivilServant, 30, hasDeployment: false, 35).ShouldBe(TalentIneligibility.NoFrontlineRecord);
    }

    [Fact]
    public void Age_is_counted_in_full_years_from_the_id()
    {
        var id = NationalIdNumber.Compose("331002", new DateOnly(1990, 11, 24), 11);
        F2F4TalentLists.Age(id, new DateOnly(2026, 11, 23)).ShouldBe(35);
        F2F4TalentLists.Age(id, new DateOnly(2026, 11, 24)).ShouldBe(36);
    }
}
