using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Data.Interceptors;
using FrontlineCare.Core.Features.Difficulties;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Supervision;
using FrontlineCare.Core.Features.Visits;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Common;

/// <summary>
/// A control character in any text a page sends straight to a service is refused on its field, and nothing of the form
/// is stored — whether the service checks by hand, by validator, or not at all (the save itself refuses it).
/// </summary>
public sealed class UnsafeTextTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppFixture.Now.UtcDateTime);
    private const string Bell = "孩子\u0007无人接送";

    [Fact]
    public async Task A_hand_checked_form_names_the_field_with_the_control_character_and_stores_nothing()
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var unit = await fixture.UnitIdAsync("东山社区");

        var difficulty = await fixture.Get<FamilyDifficultyService>().SaveAsync(new FamilyDifficultyForm
        {
            PersonName = "王某家属", UnitId = unit, Description = Bell, Liaison = "志愿者\u0000小李",
        });
        var visit = await fixture.Get<CareVisitService>().SaveAsync(new CareVisitForm { UnitId = unit, PlannedOn = Today, Leader = "书记\u001b" });

        difficulty.Errors.ShouldBe([new FieldError("Description", Messages.ControlCharacters), new FieldError("Liaison", Messages.ControlCharacters)], ignoreOrder: true);
        visit.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Leader", Messages.ControlCharacters));
        await using var db = fixture.NewContext();
        (await db.FamilyDifficulties.AnyAsync(d => d.PersonName == "王某家属")).ShouldBeFalse();
        (await db.CareVisits.AnyAsync(v => v.Leader.StartsWith("书记\u001b"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_text_parameter_of_a_step_is_checked_like_a_form_field()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var unit = await fixture.UnitIdAsync("东山社区");
        var finding = (await fixture.Get<SupervisionService>().CreateAsync(new FindingForm
        {
            UnitId = unit, FoundOn = Today, Inspector = "督查组", Problem = "台账不全", Owner = "书记",
        })).Value;

        var rectified = await fixture.Get<SupervisionService>().RectifyAsync(finding, Today, "已\u0008整改");

        rectified.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Description", Messages.ControlCharacters));
    }

    [Fact]
    public async Task A_service_without_its_own_check_is_refused_by_the_save_on_the_stored_field()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        Guid id;
        await using (var db = fixture.NewContext())
        {
            var c = new ForcedRestCase
            {
                Id = Guid.CreateVersion7(), WorkerId = worker.Id, PeriodFrom = Today.AddDays(-2), PeriodTo = Today.AddDays(-1), Value = 16, Limit = 12,
                Status = ForcedRestStatus.Open, OpenedAt = AppFixture.Now,
            };
            db.Add(c);
            await db.SaveChangesAsync();
            id = c.Id;
        }
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var service = fixture.Get<ForcedRestService>();
        uint version;
        await using (var db = fixture.NewContext()) version = (await db.ForcedRestCases.SingleAsync(c => c.Id == id)).Version;

        var waived = await service.WaiveAsync(id, "疫情高峰\u0001", version);

        waived.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("WaiverReason", Messages.ControlCharacters));
        await using var check = fixture.NewContext();
        (await check.ForcedRestCases.SingleAsync(c => c.Id == id)).Status.ShouldBe(ForcedRestStatus.Open);
    }

    [Fact]
    public async Task Any_save_through_the_portals_contexts_refuses_a_control_character_before_a_statement_is_sent()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await using var db = await fixture.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Workers.SingleAsync(w => w.Id == worker.Id);
        stored.Position = "卡口\u0000值守";

        var refused = await Should.ThrowAsync<UnsafeTextException>(() => db.SaveChangesAsync());

        refused.Fields.ShouldBe(["Position"]);
        refused.Message.ShouldNotContain("值守", customMessage: "the refusal names the field, never the value");
        await using var check = fixture.NewContext();
        (await check.Workers.SingleAsync(w => w.Id == worker.Id)).Position.ShouldBe(worker.Position);
    }
}
