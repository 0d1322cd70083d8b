using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Incidents;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Protection;

/// <summary>G3 incidents against frontline staff on the real database.</summary>
public sealed class IncidentServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private IncidentService Service => fixture.Get<IncidentService>();

    private async Task<IncidentForm> FormAsync(IncidentKind kind, string unit = "东山社区") => new()
    {
        WorkerId = (await fixture.AddWorkerAsync(fixture.UnitIdAsync(unit), name: "受害丁")).Id, Kind = kind, Victim = IncidentVictim.Worker,
        OccurredOn = Today.AddDays(-2), Place = "东山社区卡口", Description = "劝导戴口罩时被推搡",
    };

    [Fact]
    public async Task Violence_is_closed_only_after_a_police_referral_and_with_its_outcome()
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = await FormAsync(IncidentKind.Violence);
        form.Id = (await Service.SaveAsync(form)).Value;
        var row = (await Service.ListAsync()).Value!.Single(r => r.Incident.Id == form.Id);
        row.Referral.Due.ShouldBe(Today.AddDays(3)); // G3.referralDays after recording
        form.Version = row.Incident.Version;

        form.Closed = true;
        (await Service.SaveAsync(form)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Referral", Messages.IncidentNotReferred));
        (form.Referral, form.ReferredOn, form.ReferredTo) = (IncidentReferral.Unit, Today, "肇事者所在单位");
        (await Service.SaveAsync(form)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Referral", Messages.IncidentPoliceRequired));
        form.Referral = IncidentReferral.Police | IncidentReferral.Unit;
        (await Service.SaveAsync(form)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Outcome", Messages.IncidentOutcomeRequired));
        form.Outcome = "公安机关予以行政拘留五日";
        (await Service.SaveAsync(form)).IsOk.ShouldBeTrue();

        await using var db = fixture.NewContext();
        var saved = await db.FrontlineIncidents.SingleAsync(i => i.Id == form.Id);
        (saved.Referral, saved.ClosedOn, saved.Outcome).ShouldBe((IncidentReferral.Police | IncidentReferral.Unit, Today, "公安机关予以行政拘留五日"));
        (await Service.ListAsync()).Value!.ShouldNotContain(r => r.Incident.Id == form.Id);
    }

    [Fact]
    public async Task Discrimination_against_a_family_can_close_after_the_unit_dealt_with_it()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = await FormAsync(IncidentKind.Discrimination);
        form.Victim = IncidentVictim.Family;
        (await Service.SaveAsync(form)).Errors.ShouldHaveSingleItem().Field.ShouldBe("FamilyMember");
        (form.FamilyMember, form.Referral, form.ReferredOn, form.ReferredTo, form.Outcome, form.Closed) =
            ("其子", IncidentReferral.Unit, Today, "所在小学", "学校已批评教育相关人员", true);
        (await Service.SaveAsync(form)).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_input_and_other_jurisdictions_are_refused_and_nothing_is_saved()
    {
        await using var db = fixture.NewContext();
        var before = await db.FrontlineIncidents.CountAsync();
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var outside = await FormAsync(IncidentKind.Threat, "白云社区");
        (await Service.SaveAsync(outside)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("WorkerId", Messages.Required));
        var bad = await FormAsync(IncidentKind.Threat);
        (bad.OccurredOn, bad.Referral, bad.Place) = (Today.AddDays(1), IncidentReferral.Police, " ");
        (await Service.SaveAsync(bad)).Errors.Select(e => e.Field).ShouldBe(["OccurredOn", "Place", "ReferredTo", "ReferredOn"], ignoreOrder: true);
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Service.ListAsync()).Message.ShouldBe(Messages.IncidentRolesOnly);
        (await db.FrontlineIncidents.CountAsync()).ShouldBe(before);
    }
}
