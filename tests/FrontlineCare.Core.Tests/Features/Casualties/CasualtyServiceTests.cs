using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Audit;
using FrontlineCare.Core.Features.Casualties;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Casualties;

/// <summary>D5 / E4 cases on the real database, with the fixture's fake clock (today 2026-11-23).</summary>
public sealed class CasualtyServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private CasualtyService Service => fixture.Get<CasualtyService>();

    private async Task<Guid> DeployedAsync(DateOnly since)
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddDeploymentAsync(worker.Id, since, null);
        return worker.Id;
    }

    private static CasualtyCaseForm Form(Guid worker, DateOnly occurred, CasualtyKind kind = CasualtyKind.Infection, CasualtyTrack track = CasualtyTrack.WorkInjury) => new()
    {
        WorkerId = worker, Kind = kind, Track = track, OccurredOn = occurred, Description = "在隔离点转运中感染",
    };

    [Fact]
    public async Task The_claim_deadlines_count_down_on_the_clock_and_an_old_unfiled_claim_is_overdue()
    {
        var worker = await DeployedAsync(new DateOnly(2026, 9, 1));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var recent = (await Service.SaveAsync(Form(worker, new DateOnly(2026, 11, 3)))).Value;
        var old = (await Service.SaveAsync(Form(worker, new DateOnly(2026, 10, 1), CasualtyKind.Injury))).Value;

        var today = new DateOnly(2026, 11, 23); // the fixture's fake clock
        var view = (await Service.GetAsync(recent)).Value!;
        // Unit: 30 days from 3 Nov = 3 Dec, 10 days left; the person's year runs to 3 Nov 2027.
        view.Deadlines.Select(d => (d.Rule, d.Due, d.DaysLeft(today))).ShouldBe(
            [("D5.unitClaimDays", new DateOnly(2026, 12, 3), 10), ("D5.personClaimMonths", new DateOnly(2027, 11, 3), 345)]);
        var list = (await Service.ListAsync()).Value!;
        list.Single(r => r.Id == recent).NextDeadline!.Overdue(today).ShouldBeFalse();
        list.Single(r => r.Id == old).NextDeadline!.ShouldSatisfyAllConditions(d => d.Due.ShouldBe(new DateOnly(2026, 10, 31)), d => d.Overdue(today).ShouldBeTrue());

        // The unit files late; once accepted, the decision is due 60 days after acceptance.
        var form = Form(worker, new DateOnly(2026, 10, 1), CasualtyKind.Injury);
        (form.Id, form.Version, form.UnitFiledOn, form.AcceptedOn) = (old, (await Service.GetAsync(old)).Value!.Case.Version, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 5));
        (await Service.SaveAsync(form)).IsOk.ShouldBeTrue();
        (await Service.GetAsync(old)).Value!.Deadlines.Select(d => (d.Rule, d.Due, d.MetOn)).ShouldBe(
            [("D5.unitClaimDays", new DateOnly(2026, 10, 31), (DateOnly?)new DateOnly(2026, 11, 2)), ("D5.decisionDays", new DateOnly(2027, 1, 4), null)]);
        // When the family applies because the unit did not, the unit's deadline no longer stands; once decided, nothing is due.
        var family = (await Service.SaveAsync(Form(worker, new DateOnly(2026, 9, 10), CasualtyKind.Injury))).Value;
        var byFamily = Form(worker, new DateOnly(2026, 9, 10), CasualtyKind.Injury);
        (byFamily.Id, byFamily.Version, byFamily.PersonFiledOn, byFamily.AcceptedOn) = (family, (await Service.GetAsync(family)).Value!.Case.Version, new DateOnly(2026, 10, 20), new DateOnly(2026, 10, 22));
        (await Service.SaveAsync(byFamily)).IsOk.ShouldBeTrue();
        (await Service.GetAsync(family)).Value!.Deadlines.Select(d => d.Rule).ShouldBe(["D5.personClaimMonths", "D5.decisionDays"]);
        (await Service.ListAsync()).Value!.Single(r => r.Id == family).NextDeadline!.ShouldSatisfyAllConditions(
            d => d.Rule.ShouldBe("D5.decisionDays"), d => d.Overdue(today).ShouldBeFalse());
        (byFamily.Version, byFamily.DecidedOn, byFamily.Decision) = ((await Service.GetAsync(family)).Value!.Case.Version, new DateOnly(2026, 11, 20), WorkInjuryDecision.Recognised);
        (await Service.SaveAsync(byFamily)).IsOk.ShouldBeTrue();
        (await Service.ListAsync()).Value!.Single(r => r.Id == family).NextDeadline.ShouldBeNull();

        // A change on a stale version is refused, not overwritten.
        form.Liaison = "李干事";
        (await Service.SaveAsync(form)).Status.ShouldBe(ResultStatus.Conflict);
        (await Service.GetAsync(old)).Value!.Case.Liaison.ShouldBeNull();
    }

    [Fact]
    public async Task Impossible_dates_and_procedures_are_refused_field_by_field_and_nothing_is_saved()
    {
        var worker = await DeployedAsync(new DateOnly(2026, 10, 1));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        (await Service.SaveAsync(Form(worker, new DateOnly(2026, 9, 30), CasualtyKind.Death))).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError(nameof(CasualtyCaseForm.OccurredOn), string.Format(Messages.CasualtyBeforeDeployment, "2026-10-01")));
        (await Service.SaveAsync(Form(worker, new DateOnly(2026, 10, 5), CasualtyKind.Injury, CasualtyTrack.Martyr))).Errors.ShouldHaveSingleItem()
            .Field.ShouldBe(nameof(CasualtyCaseForm.Track));
        var dates = Form(worker, new DateOnly(2026, 10, 5));
        (dates.UnitFiledOn, dates.DecidedOn, dates.Decision) = (new DateOnly(2026, 10, 4), new DateOnly(2026, 10, 20), null);
        (await Service.SaveAsync(dates)).Errors.Select(e => e.Field).ShouldBe(
            [nameof(CasualtyCaseForm.UnitFiledOn), nameof(CasualtyCaseForm.DecidedOn), nameof(CasualtyCaseForm.Decision)], ignoreOrder: true);
        var idle = await fixture.AddWorkerAsync("东山社区");
        (await Service.SaveAsync(Form(idle.Id, new DateOnly(2026, 10, 5)))).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.CasualtyNoDeployment);

        await using var db = fixture.NewContext();
        (await db.CasualtyCases.CountAsync(c => c.WorkerId == worker || c.WorkerId == idle.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_martyr_case_goes_step_by_step_and_the_family_liaison_s_follow_ups_turn_overdue()
    {
        var worker = await DeployedAsync(new DateOnly(2026, 9, 1));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = Form(worker, new DateOnly(2026, 10, 10), CasualtyKind.Death, CasualtyTrack.Martyr);
        (form.Liaison, form.LiaisonPhone) = ("王书记", "13800000000");
        var id = (await Service.SaveAsync(form)).Value;

        (await Service.CompleteStepAsync(id, CasualtyStep.MartyrProvinceReviewed, new DateOnly(2026, 10, 20), null)).Message.ShouldBe(Messages.CasualtyStepOrder);
        (await Service.CompleteStepAsync(id, CasualtyStep.DeathOnDutyApplied, new DateOnly(2026, 10, 20), null)).Status.ShouldBe(ResultStatus.Conflict);
        (await Service.CompleteStepAsync(id, CasualtyStep.MartyrCountyReported, new DateOnly(2026, 10, 20), "县政府呈报")).IsOk.ShouldBeTrue();
        (await Service.CompleteStepAsync(id, CasualtyStep.MartyrCountyReported, new DateOnly(2026, 10, 21), null)).Status.ShouldBe(ResultStatus.Conflict);
        (await Service.CompleteStepAsync(id, CasualtyStep.MartyrProvinceReviewed, new DateOnly(2026, 11, 2), null)).IsOk.ShouldBeTrue();

        // Opened today: the first follow-up is due in 30 days; after one on 20 Oct the next was due 19 Nov — overdue.
        var view = (await Service.GetAsync(id)).Value!;
        (view.Done.Count, view.FollowUpDue, view.FollowUpOverdue).ShouldBe((2, new DateOnly(2026, 12, 23), false));
        (await Service.FollowUpAsync(id, new DateOnly(2026, 10, 20), "王书记", "上门看望家属，子女入学已协调")).IsOk.ShouldBeTrue();
        (await Service.ListAsync()).Value!.Single(r => r.Id == id).ShouldSatisfyAllConditions(
            r => r.FollowUpDue.ShouldBe(new DateOnly(2026, 11, 19)), r => r.FollowUpOverdue.ShouldBeTrue());
        (await Service.FollowUpAsync(id, new DateOnly(2026, 11, 23), "王书记", "电话问候")).IsOk.ShouldBeTrue();
        (await Service.GetAsync(id)).Value!.ShouldSatisfyAllConditions(v => v.FollowUpDue.ShouldBe(new DateOnly(2026, 12, 23)), v => v.FollowUpOverdue.ShouldBeFalse());
        (await Service.FollowUpAsync(id, new DateOnly(2026, 11, 24), "王书记", "x")).Errors.ShouldHaveSingleItem().Field.ShouldBe("On");
    }

    [Fact]
    public async Task Cases_stay_within_the_jurisdiction_and_roles_and_every_view_is_logged()
    {
        var worker = await DeployedAsync(new DateOnly(2026, 10, 1));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var id = (await Service.SaveAsync(Form(worker, new DateOnly(2026, 10, 5)))).Value;
        await Service.GetAsync(id);
        await Service.GetAsync(id);

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.GetAsync(id)).Status.ShouldBe(ResultStatus.NotFound);
        (await Service.ListAsync()).Value!.ShouldNotContain(r => r.Id == id);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.GetAsync(id)).Status.ShouldBe(ResultStatus.Forbidden);

        await using var db = fixture.NewContext();
        (await db.AuditEntries.CountAsync(a => a.EntityKey == id.ToString() && a.Action == AuditAction.View)).ShouldBe(2);
    }
}
