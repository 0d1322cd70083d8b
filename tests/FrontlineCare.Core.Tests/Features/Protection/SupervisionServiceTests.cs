using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Supervision;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Protection;

/// <summary>H4 supervision findings on the real database: recorded, rectified by the unit, closed by the organisation department.</summary>
public sealed class SupervisionServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private SupervisionService Service => fixture.Get<SupervisionService>();

    private async Task<Guid> FindAsync(string unit = "东山社区", DateOnly? foundOn = null, DateOnly? deadline = null)
    {
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        var result = await Service.CreateAsync(new FindingForm
        {
            UnitId = await fixture.UnitIdAsync(unit), FoundOn = foundOn ?? Today.AddDays(-3), Inspector = "区委督查组", Problem = "卡口登记台账不全", Owner = "东山社区书记",
            Deadline = deadline,
        });
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors) + result.Message);
        return result.Value;
    }

    [Fact]
    public async Task A_finding_is_rectified_by_the_unit_and_closed_by_the_organisation_department_only_after_that()
    {
        var id = await FindAsync();
        var row = (await Service.ListAsync()).Single(r => r.Finding.Id == id);
        row.Finding.Deadline.ShouldBe(Today.AddDays(-3).AddDays(15)); // H4.deadlineDays by default

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Service.CloseAsync(id, row.Finding.Version)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Rectification", Messages.FindingNoRectification));

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.RectifyAsync(id, Today.AddDays(-4), "补齐台账")).Errors.ShouldHaveSingleItem().Field.ShouldBe("On"); // before it was found
        (await Service.RectifyAsync(id, Today, "补齐卡口登记台账，落实专人每日核对")).IsOk.ShouldBeTrue();
        (await Service.CloseAsync(id, row.Finding.Version)).Message.ShouldBe(Messages.FindingCloseOrgDepartmentOnly);

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Service.CloseAsync(id, row.Finding.Version)).IsOk.ShouldBeTrue();
        (await Service.ListAsync()).ShouldNotContain(r => r.Finding.Id == id);
        var closed = (await Service.ListAsync(includeClosed: true)).Single(r => r.Finding.Id == id);
        (closed.Finding.ClosedOn, closed.Rectifications.Count, closed.Overdue).ShouldBe((Today, 1, false));
        (await Service.RectifyAsync(id, Today, "再次整改")).Message.ShouldBe(Messages.FindingClosed);
    }

    [Fact]
    public async Task A_finding_past_its_deadline_is_overdue_on_the_unit_s_dashboard()
    {
        var id = await FindAsync(foundOn: Today.AddDays(-20), deadline: Today.AddDays(-1));
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.ListAsync()).Single(r => r.Finding.Id == id).Overdue.ShouldBeTrue();
        (await Service.OverdueCountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await fixture.Get<Core.Features.Home.HomeService>().SummaryAsync()).OverdueFindings.ShouldBe(await Service.OverdueCountAsync());
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Service.ListAsync()).ShouldNotContain(r => r.Finding.Id == id);
    }

    [Fact]
    public async Task Bad_input_and_other_jurisdictions_are_refused_and_nothing_is_saved()
    {
        await using var db = fixture.NewContext();
        var before = await db.SupervisionFindings.CountAsync();
        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        var outside = await Service.CreateAsync(new FindingForm { UnitId = await fixture.UnitIdAsync("府山街道"), FoundOn = Today, Inspector = "督查组", Problem = "x", Owner = "y" });
        outside.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("UnitId", Messages.UnitOutsideJurisdiction));
        var bad = await Service.CreateAsync(new FindingForm { UnitId = await fixture.UnitIdAsync("东山社区"), FoundOn = Today, Deadline = Today.AddDays(-1) });
        bad.Errors.Select(e => e.Field).ShouldBe(["Inspector", "Problem", "Owner", "Deadline"], ignoreOrder: true);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.CreateAsync(new FindingForm())).Message.ShouldBe(Messages.FindingInspectorsOnly);
        (await db.SupervisionFindings.CountAsync()).ShouldBe(before);
    }
}
