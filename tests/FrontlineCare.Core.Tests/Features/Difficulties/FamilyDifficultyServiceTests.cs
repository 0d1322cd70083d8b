using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Difficulties;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Difficulties;

/// <summary>E3 / E5 ledger on the real database (today 2026-11-23; ZJ's open limit 14 days).</summary>
public sealed class FamilyDifficultyServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private FamilyDifficultyService Service => fixture.Get<FamilyDifficultyService>();

    [Fact]
    public async Task A_difficulty_is_followed_to_its_resolution_and_an_old_open_one_is_flagged()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        var worker = await fixture.AddWorkerAsync(unit.Id, name: "困难甲");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var id = (await Service.SaveAsync(new FamilyDifficultyForm
        {
            WorkerId = worker.Id, Kind = DifficultyKind.ElderlyCare, Description = "父亲独居需照料", Liaison = "社区网格员小陈", LiaisonPhone = "13900000000",
        })).Value;
        // E5: a hard-up Party member of the community who is not a frontline worker.
        var resident = (await Service.SaveAsync(new FamilyDifficultyForm
        {
            PersonName = "张大爷", IsPartyMember = true, UnitId = unit.Id, Kind = DifficultyKind.Infected, Description = "感染后生活困难", Liaison = "王书记",
        })).Value;
        await using (var db = fixture.NewContext())
            await db.FamilyDifficulties.Where(d => d.Id == resident).ExecuteUpdateAsync(s => s.SetProperty(d => d.OpenedOn, new DateOnly(2026, 11, 8)));

        var rows = (await Service.ListAsync(unit.Id)).Value!;
        rows.Single(r => r.Id == resident).ShouldSatisfyAllConditions(r => r.DaysOpen.ShouldBe(15), r => r.Overdue.ShouldBeTrue(), r => r.IsWorker.ShouldBeFalse());
        rows.Single(r => r.Id == id).Overdue.ShouldBeFalse();

        (await Service.AddActionAsync(id, new DateOnly(2026, 11, 23), "小陈", "联系养老服务中心上门照料")).IsOk.ShouldBeTrue();
        (await Service.AddActionAsync(id, new DateOnly(2026, 11, 22), "小陈", "早于登记")).Errors.ShouldHaveSingleItem().Field.ShouldBe("On");
        var version = (await Service.ListAsync(unit.Id)).Value!.Single(r => r.Id == id).Version;
        (await Service.ResolveAsync(id, version, " ")).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.DifficultyResolutionRequired);
        (await Service.ResolveAsync(id, version, "已安排每日上门照料")).IsOk.ShouldBeTrue();
        (await Service.ResolveAsync(id, version, "再次办结")).Status.ShouldBe(ResultStatus.Conflict);

        var open = (await Service.ListAsync(unit.Id, openOnly: true)).Value!;
        open.Select(r => r.Id).ShouldBe([resident]);
        var resolved = (await Service.ListAsync(unit.Id)).Value!.Single(r => r.Id == id);
        (resolved.ResolvedOn, resolved.LastAction, resolved.Actions.Count).ShouldBe((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23), 1));
    }

    [Fact]
    public async Task Bad_entries_are_refused_and_the_ledger_stays_within_its_jurisdiction_and_roles()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.SaveAsync(new FamilyDifficultyForm { Kind = DifficultyKind.Childcare, Description = " " })).Errors.Select(e => e.Field)
            .ShouldBe([nameof(FamilyDifficultyForm.WorkerId), nameof(FamilyDifficultyForm.Description), nameof(FamilyDifficultyForm.Liaison)], ignoreOrder: true);
        var id = (await Service.SaveAsync(new FamilyDifficultyForm { WorkerId = worker.Id, Kind = DifficultyKind.Childcare, Description = "孩子无人接送", Liaison = "志愿者小李" })).Value;

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.ListAsync()).Value!.ShouldNotContain(r => r.Id == id);
        (await Service.AddActionAsync(id, new DateOnly(2026, 11, 23), "x", "y")).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.SaveAsync(new FamilyDifficultyForm { WorkerId = worker.Id, Kind = DifficultyKind.Other, Description = "x", Liaison = "y" })).Errors
            .ShouldHaveSingleItem().Message.ShouldBe(Messages.Required);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.ListAsync()).Status.ShouldBe(ResultStatus.Forbidden);

        await using var db = fixture.NewContext();
        (await db.FamilyDifficulties.CountAsync(d => d.WorkerId == worker.Id)).ShouldBe(1);
    }
}
