using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Units;

public sealed class UnitServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private UnitService Service => fixture.Get<UnitService>();

    [Fact]
    public async Task Moving_a_street_to_another_county_moves_its_whole_subtree()
    {
        var street = await fixture.AddUnitAsync("椒江区", UnitKind.Township, TestData.Name("街道"));
        var community = await fixture.AddUnitAsync(street.Id);
        var otherCommunity = await fixture.AddUnitAsync(street.Id);
        var grid = await fixture.AddUnitAsync(community.Id, UnitKind.Other);
        var county = await fixture.ReloadUnitAsync(await fixture.UnitIdAsync("黄岩区"));
        await fixture.UseAsync(Roles.OrgDepartment, "台州市");

        var result = await Service.MoveAsync(street.Id, county.Id, street.Version);

        result.Status.ShouldBe(ResultStatus.Ok, result.Message);
        var movedStreet = await fixture.ReloadUnitAsync(street.Id);
        movedStreet.ParentId.ShouldBe(county.Id);
        movedStreet.Path.ToString().ShouldBe($"{county.Path}.{Unit.Label(street.Id)}");
        foreach (var below in new[] { community, otherCommunity, grid })
        {
            var moved = await fixture.ReloadUnitAsync(below.Id);
            moved.Path.ToString().ShouldStartWith(movedStreet.Path + ".");
            moved.Path.ToString().ShouldEndWith(Unit.Label(below.Id));
            moved.ParentId.ShouldBe(below.ParentId);
        }
        (await fixture.ReloadUnitAsync(grid.Id)).Path.ToString()
            .ShouldBe($"{county.Path}.{Unit.Label(street.Id)}.{Unit.Label(community.Id)}.{Unit.Label(grid.Id)}");
    }

    [Fact]
    public async Task Moving_a_street_leaves_other_units_where_they_were()
    {
        var street = await fixture.AddUnitAsync("椒江区", UnitKind.Township);
        await fixture.AddUnitAsync(street.Id);
        await using var before = fixture.NewContext();
        var others = await before.Units.AsNoTracking().Where(u => !u.Path.IsDescendantOf(street.Path)).ToDictionaryAsync(u => u.Id, u => u.Path);
        await fixture.UseAsync(Roles.OrgDepartment, "台州市");

        (await Service.MoveAsync(street.Id, await fixture.UnitIdAsync("路桥区"), street.Version)).IsOk.ShouldBeTrue();

        await using var after = fixture.NewContext();
        var now = await after.Units.AsNoTracking().Where(u => others.Keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path);
        now.ShouldBe(others);
    }

    [Fact]
    public async Task Workers_of_a_moved_street_belong_to_the_new_countys_jurisdiction()
    {
        var street = await fixture.AddUnitAsync("椒江区", UnitKind.Township);
        var community = await fixture.AddUnitAsync(street.Id);
        var worker = await fixture.AddWorkerAsync(community.Id);
        var streetWorker = await fixture.AddWorkerAsync(street.Id);
        await fixture.UseAsync(Roles.OrgDepartment, "台州市");
        (await Service.MoveAsync(street.Id, await fixture.UnitIdAsync("黄岩区"), street.Version)).IsOk.ShouldBeTrue();
        var workers = fixture.Get<WorkerService>();

        await fixture.UseAsync(Roles.OrgDepartment, "黄岩区");
        var listed = (await workers.ListAsync(new WorkerQuery { UnitId = street.Id })).Value!;
        listed.Items.Select(i => i.Id).ShouldBe([worker.Id, streetWorker.Id], ignoreOrder: true);
        (await workers.GetAsync(worker.Id)).IsOk.ShouldBeTrue();
        (await workers.ListAsync(new WorkerQuery { Search = worker.FullName })).Value!.Items.ShouldHaveSingleItem();

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await workers.GetAsync(worker.Id)).Status.ShouldBe(ResultStatus.NotFound);
        (await workers.ListAsync(new WorkerQuery { Search = worker.FullName })).Value!.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_unit_cannot_be_moved_under_itself_or_its_own_descendant()
    {
        var street = await fixture.AddUnitAsync("椒江区", UnitKind.Township);
        var community = await fixture.AddUnitAsync(street.Id);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var intoChild = await Service.MoveAsync(street.Id, community.Id, street.Version);
        var intoSelf = await Service.MoveAsync(street.Id, street.Id, street.Version);

        foreach (var result in new[] { intoChild, intoSelf })
        {
            result.Status.ShouldBe(ResultStatus.Invalid);
            result.Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.UnitMoveIntoSubtree);
        }
        (await fixture.ReloadUnitAsync(street.Id)).Path.ShouldBe(street.Path);
    }

    [Fact]
    public async Task Moving_with_a_stale_version_is_a_conflict_and_moves_nothing()
    {
        var street = await fixture.AddUnitAsync("椒江区", UnitKind.Township);
        var community = await fixture.AddUnitAsync(street.Id);
        await fixture.UseAsync(Roles.OrgDepartment, "台州市");
        (await Service.SaveAsync(new UnitForm { Id = street.Id, Version = street.Version, Name = street.Name + "改", Kind = street.Kind })).IsOk.ShouldBeTrue();

        var result = await Service.MoveAsync(street.Id, await fixture.UnitIdAsync("黄岩区"), street.Version);

        result.Status.ShouldBe(ResultStatus.Conflict);
        (await fixture.ReloadUnitAsync(street.Id)).Path.ShouldBe(street.Path);
        (await fixture.ReloadUnitAsync(community.Id)).Path.ShouldBe(community.Path);
    }

    [Theory]
    [InlineData("浙江省", PolicyProfileCode.ZJ)]
    [InlineData("椒江区", PolicyProfileCode.ZJ)]
    [InlineData("海门街道", PolicyProfileCode.ZJ)]
    [InlineData("绍兴市", PolicyProfileCode.SX)]
    [InlineData("越城区", PolicyProfileCode.SX)]
    [InlineData("府山街道", PolicyProfileCode.SX)]
    public async Task A_unit_follows_the_profile_of_its_nearest_ancestor_with_one(string unit, PolicyProfileCode profile)
    {
        await fixture.UseAsync(Roles.Admin, "浙江省");

        var node = (await Service.TreeAsync()).Single(n => n.Name == unit);

        node.Profile.ShouldBe(profile);
    }

    [Theory]
    [InlineData("越城区", PolicyProfileCode.SX)]
    [InlineData("府山街道", PolicyProfileCode.SX)]
    [InlineData("椒江区", PolicyProfileCode.ZJ)]
    [InlineData("东山社区", PolicyProfileCode.ZJ)]
    public async Task A_caller_below_the_unit_that_names_the_profile_still_sees_it_inherited(string home, PolicyProfileCode profile)
    {
        await fixture.UseAsync(Roles.OrgDepartment, home);

        var tree = await Service.TreeAsync();

        tree.ShouldAllBe(n => n.Profile == profile);
    }

    [Fact]
    public async Task A_new_unit_under_shaoxing_inherits_its_profile_and_can_override_it()
    {
        var inherits = await fixture.AddUnitAsync("府山街道");
        var overrides = await fixture.AddUnitAsync("府山街道");
        var belowOverride = await fixture.AddUnitAsync(overrides.Id);
        await fixture.UseAsync(Roles.OrgDepartment, "绍兴市");
        (await Service.SaveAsync(new UnitForm
        {
            Id = overrides.Id,
            Version = overrides.Version,
            Name = overrides.Name,
            Kind = overrides.Kind,
            ProfileOverride = PolicyProfileCode.HN,
        })).IsOk.ShouldBeTrue();

        var tree = await Service.TreeAsync();

        tree.Single(n => n.Id == inherits.Id).Profile.ShouldBe(PolicyProfileCode.SX);
        tree.Single(n => n.Id == overrides.Id).Profile.ShouldBe(PolicyProfileCode.HN);
        tree.Single(n => n.Id == belowOverride.Id).Profile.ShouldBe(PolicyProfileCode.HN);
    }

    [Fact]
    public async Task A_unit_moved_into_shaoxing_takes_on_its_profile()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        await fixture.UseAsync(Roles.OrgDepartment, "浙江省");
        (await Service.TreeAsync()).Single(n => n.Id == unit.Id).Profile.ShouldBe(PolicyProfileCode.ZJ);

        (await Service.MoveAsync(unit.Id, await fixture.UnitIdAsync("府山街道"), unit.Version)).IsOk.ShouldBeTrue();

        (await Service.TreeAsync()).Single(n => n.Id == unit.Id).Profile.ShouldBe(PolicyProfileCode.SX);
    }

    [Fact]
    public async Task The_tree_lists_parents_before_children_with_their_depth()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var tree = await Service.TreeAsync();

        var seen = new HashSet<Guid>();
        var depth = new Dictionary<Guid, int>();
        foreach (var node in tree)
        {
            if (node.Depth > 0)
            {
                seen.ShouldContain(node.ParentId!.Value, $"{node.Name} comes before its parent");
                node.Depth.ShouldBe(depth[node.ParentId!.Value] + 1);
            }
            seen.Add(node.Id);
            depth[node.Id] = node.Depth;
        }
        tree.Single(n => n.Name == "东山社区").Depth.ShouldBe(2);
    }

    [Fact]
    public async Task A_unit_with_sub_units_cannot_be_deleted()
    {
        var street = await fixture.AddUnitAsync("椒江区", UnitKind.Township);
        await fixture.AddUnitAsync(street.Id);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await Service.DeleteAsync(street.Id, street.Version);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Message.ShouldBe(Messages.UnitNotEmpty);
        await using var db = fixture.NewContext();
        (await db.Units.AnyAsync(u => u.Id == street.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_unit_with_workers_cannot_be_deleted()
    {
        var community = await fixture.AddUnitAsync("海门街道");
        await fixture.AddWorkerAsync(community.Id);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await Service.DeleteAsync(community.Id, community.Version);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Message.ShouldBe(Messages.UnitNotEmpty);
        await using var db = fixture.NewContext();
        (await db.Units.AnyAsync(u => u.Id == community.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_unit_that_is_an_accounts_home_cannot_be_deleted()
    {
        var unit = await fixture.AddUnitAsync("白云街道");
        await using (var db = fixture.NewContext())
        {
            var name = $"home{TestData.Next()}";
            db.Users.Add(new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = name,
                NormalizedUserName = name.ToUpperInvariant(),
                DisplayName = "钱书记",
                HomeUnitId = unit.Id,
                SecurityStamp = Guid.NewGuid().ToString(),
            });
            await db.SaveChangesAsync();
        }
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await Service.DeleteAsync(unit.Id, unit.Version);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Message.ShouldBe(Messages.UnitNotEmpty);
        await using var check = fixture.NewContext();
        (await check.Units.AnyAsync(u => u.Id == unit.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_top_level_unit_keeps_a_profile()
    {
        var root = await fixture.ReloadUnitAsync(await fixture.UnitIdAsync("浙江省"));
        await fixture.UseAsync(Roles.OrgDepartment, "浙江省");

        var result = await Service.SaveAsync(new UnitForm { Id = root.Id, Version = root.Version, Name = root.Name, Kind = root.Kind, ProfileOverride = null });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(UnitForm.ProfileOverride));
        (await fixture.ReloadUnitAsync(root.Id)).ProfileOverride.ShouldBe(PolicyProfileCode.ZJ);
    }
}
