using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static FrontlineCare.Core.Tests.Support.Outcome;

namespace FrontlineCare.Core.Tests.Features.Units;

/// <summary>Who sees which part of the unit tree, and who may change it: only the organisation department, within its jurisdiction.</summary>
public sealed class UnitJurisdictionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private UnitService Service => fixture.Get<UnitService>();

    /// <summary>Role, home unit, a unit, whether the tree shows it.</summary>
    public static TheoryData<string, string, string, bool> Trees => new()
    {
        { Roles.OrgDepartment, "椒江区", "椒江区", true },
        { Roles.OrgDepartment, "椒江区", "东山社区", true },
        { Roles.OrgDepartment, "椒江区", "白云街道", true },
        { Roles.OrgDepartment, "椒江区", "台州市", false },
        { Roles.OrgDepartment, "椒江区", "黄岩区", false },
        { Roles.OrgDepartment, "椒江区", "绍兴市", false },
        { Roles.UnitCommittee, "海门街道", "海门街道", true },
        { Roles.UnitCommittee, "海门街道", "东山社区", true },
        { Roles.UnitCommittee, "海门街道", "白云街道", false },
        { Roles.UnitCommittee, "海门街道", "椒江区", false },
        { Roles.Supervisor, "椒江区", "西街社区", true },
        { Roles.Supervisor, "椒江区", "府山街道", false },
        { Roles.Admin, "浙江省", "府山街道", true },
        { Roles.Admin, "浙江省", "东山社区", true },
    };

    /// <summary>Role, home unit, the parent (or the unit itself) acted on, the outcome.</summary>
    public static TheoryData<string, string, string, string> Changes => new()
    {
        { Roles.OrgDepartment, "椒江区", "海门街道", Ok },
        { Roles.OrgDepartment, "椒江区", "白云街道", Ok },
        { Roles.OrgDepartment, "椒江区", "府山街道", NotFound },
        { Roles.UnitCommittee, "海门街道", "海门街道", ReadOnlyRole },
        { Roles.Supervisor, "椒江区", "海门街道", ReadOnlyRole },
        { Roles.Admin, "浙江省", "海门街道", ReadOnlyRole },
    };

    [Theory]
    [MemberData(nameof(Trees))]
    public async Task The_tree_shows_only_the_callers_jurisdiction(string role, string home, string unit, bool shown)
    {
        await fixture.UseAsync(role, home);

        var tree = await Service.TreeAsync();

        tree.ShouldNotBeEmpty();
        tree[0].Name.ShouldBe(home);
        tree[0].Depth.ShouldBe(0);
        tree.Any(n => n.Name == unit).ShouldBe(shown);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_unit_can_be_added_only_by_the_organisation_department_under_a_parent_in_its_jurisdiction(string role, string home, string parent, string expected)
    {
        var form = new UnitForm { ParentId = await fixture.UnitIdAsync(parent), Name = TestData.Name("新社区"), Kind = UnitKind.Community };
        await fixture.UseAsync(role, home);

        var result = await Service.SaveAsync(form);

        // Adding under a parent outside the jurisdiction is a field error on the parent, not a forbidden record.
        result.ShouldHaveOutcome(expected == NotFound ? UnitOutsideJurisdiction : expected, unitField: nameof(UnitForm.ParentId));
        await using var db = fixture.NewContext();
        (await db.Units.AnyAsync(u => u.Name == form.Name)).ShouldBe(expected == Ok);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_unit_can_be_renamed_only_by_the_organisation_department_within_its_jurisdiction(string role, string home, string parent, string expected)
    {
        var unit = await fixture.AddUnitAsync(parent);
        await fixture.UseAsync(role, home);
        var form = new UnitForm { Id = unit.Id, Version = unit.Version, Name = unit.Name + "改", Kind = unit.Kind };

        var result = await Service.SaveAsync(form);

        result.ShouldHaveOutcome(expected);
        (await fixture.ReloadUnitAsync(unit.Id)).Name.ShouldBe(expected == Ok ? unit.Name + "改" : unit.Name);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_unit_can_be_moved_only_by_the_organisation_department_within_its_jurisdiction(string role, string home, string from, string expected)
    {
        var unit = await fixture.AddUnitAsync(from);
        var target = await fixture.UnitIdAsync("葭沚街道");
        await fixture.UseAsync(role, home);

        var result = await Service.MoveAsync(unit.Id, target, unit.Version);

        result.ShouldHaveOutcome(expected);
        (await fixture.ReloadUnitAsync(unit.Id)).ParentId.ShouldBe(expected == Ok ? target : unit.ParentId);
    }

    [Fact]
    public async Task A_unit_cannot_be_moved_under_a_parent_outside_the_jurisdiction()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await Service.MoveAsync(unit.Id, await fixture.UnitIdAsync("府山街道"), unit.Version);

        result.ShouldHaveOutcome(UnitOutsideJurisdiction, unitField: "ParentId");
        (await fixture.ReloadUnitAsync(unit.Id)).Path.ShouldBe(unit.Path);
    }

    [Fact]
    public async Task The_root_of_the_callers_jurisdiction_cannot_be_moved_or_deleted()
    {
        var root = await fixture.ReloadUnitAsync(await fixture.UnitIdAsync("椒江区"));
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        // The home unit is seen, so this one refusal is about place and says so (Forbidden, not found would be untrue).
        (await Service.MoveAsync(root.Id, await fixture.UnitIdAsync("海门街道"), root.Version)).Message.ShouldBe(Messages.NotInJurisdiction);
        (await Service.DeleteAsync(root.Id, root.Version)).Message.ShouldBe(Messages.NotInJurisdiction);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task An_empty_unit_can_be_deleted_only_by_the_organisation_department_within_its_jurisdiction(string role, string home, string parent, string expected)
    {
        var unit = await fixture.AddUnitAsync(parent);
        await fixture.UseAsync(role, home);

        var result = await Service.DeleteAsync(unit.Id, unit.Version);

        result.ShouldHaveOutcome(expected);
        await using var db = fixture.NewContext();
        (await db.Units.AnyAsync(u => u.Id == unit.Id)).ShouldBe(expected != Ok);
    }
}
