using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Accounts;

public sealed class AccountServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string StrongPassword = "Frontline2027";

    private AccountService Service => fixture.Get<AccountService>();

    private async Task<AccountForm> NewAccountFormAsync(string homeUnit = "海门街道", string role = Roles.UnitCommittee) => new()
    {
        UserName = $"user{TestData.Next()}",
        DisplayName = "赵书记",
        Role = role,
        HomeUnitId = await fixture.UnitIdAsync(homeUnit),
        Password = StrongPassword,
    };

    private async Task<Guid> CreateAccountAsync(string homeUnit = "海门街道")
    {
        await fixture.UseAsync(Roles.Admin, "浙江省");
        var result = await Service.SaveAsync(await NewAccountFormAsync(homeUnit));
        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        return result.Value;
    }

    private async Task<DateTimeOffset?> LockoutEndAsync(Guid id)
    {
        await using var db = fixture.NewContext();
        return await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync();
    }

    /// <summary>Signs in as the demo admin account itself, so "self" means that account.</summary>
    private async Task<Guid> BecomeDemoAdminAsync()
    {
        await fixture.UseAsync(Roles.Admin, "浙江省", userName: "admin");
        await using var db = fixture.NewContext();
        var id = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
        fixture.User.UserId = id;
        return id;
    }

    [Theory]
    [InlineData(Roles.OrgDepartment, "浙江省")]
    [InlineData(Roles.UnitCommittee, "海门街道")]
    [InlineData(Roles.Supervisor, "浙江省")]
    public async Task Only_an_admin_manages_accounts(string role, string home)
    {
        var existing = await CreateAccountAsync();
        var form = await NewAccountFormAsync();
        await fixture.UseAsync(role, home);

        var list = await Service.ListAsync();
        var create = await Service.SaveAsync(form);
        var lockIt = await Service.SetLockedAsync(existing, true);
        var reset = await Service.ResetPasswordAsync(existing, "Another2027pw");

        foreach (var result in new Result[] { list, create, lockIt, reset })
        {
            result.Status.ShouldBe(ResultStatus.Forbidden);
            result.Message.ShouldBe(Messages.ReadOnlyRole);
        }
        await using var db = fixture.NewContext();
        (await db.Users.AnyAsync(u => u.UserName == form.UserName)).ShouldBeFalse();
        (await LockoutEndAsync(existing)).ShouldBeNull();
    }

    [Fact]
    public async Task An_admin_creates_an_account_with_its_role_and_home_unit()
    {
        await fixture.UseAsync(Roles.Admin, "浙江省");
        var form = await NewAccountFormAsync();

        var result = await Service.SaveAsync(form);

        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        var item = (await Service.ListAsync()).Value!.Single(a => a.Id == result.Value);
        item.UserName.ShouldBe(form.UserName);
        item.Role.ShouldBe(Roles.UnitCommittee);
        item.HomeUnitName.ShouldBe("海门街道");
        item.Locked.ShouldBeFalse();
    }

    [Theory]
    [InlineData("short1A")] // too short
    [InlineData("alllowercase123")] // no upper case
    [InlineData("ALLUPPERCASE123")] // no lower case
    [InlineData("NoDigitsAtAllHere")]
    [InlineData("")]
    public async Task A_weak_password_is_refused_on_the_password_field_and_no_account_is_made(string password)
    {
        await fixture.UseAsync(Roles.Admin, "浙江省");
        var form = await NewAccountFormAsync();
        form.Password = password;

        var result = await Service.SaveAsync(form);

        result.Status.ShouldBe(ResultStatus.Invalid);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(AccountForm.Password));
        error.Message.ShouldBe(Messages.PasswordTooWeak);
        await using var db = fixture.NewContext();
        (await db.Users.AnyAsync(u => u.UserName == form.UserName)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("orgdept")]
    [InlineData("OrgDept")]
    public async Task A_user_name_already_taken_is_refused_on_the_user_name_field(string userName)
    {
        await fixture.UseAsync(Roles.Admin, "浙江省");
        var form = await NewAccountFormAsync();
        form.UserName = userName;
        await using var db = fixture.NewContext();
        var before = await db.Users.CountAsync();

        var result = await Service.SaveAsync(form);

        result.Status.ShouldBe(ResultStatus.Invalid);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(AccountForm.UserName));
        error.Message.ShouldBe(Messages.UserNameTaken);
        (await db.Users.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_locked_account_shows_as_locked_and_unlocking_frees_it()
    {
        var id = await CreateAccountAsync();
        await fixture.UseAsync(Roles.Admin, "浙江省");

        (await Service.SetLockedAsync(id, true)).IsOk.ShouldBeTrue();
        (await LockoutEndAsync(id)).ShouldNotBeNull().ShouldBeGreaterThan(fixture.Clock.GetUtcNow().AddYears(100));
        (await Service.ListAsync()).Value!.Single(a => a.Id == id).Locked.ShouldBeTrue();

        (await Service.SetLockedAsync(id, false)).IsOk.ShouldBeTrue();
        (await LockoutEndAsync(id)).ShouldBeNull();
        (await Service.ListAsync()).Value!.Single(a => a.Id == id).Locked.ShouldBeFalse();
    }

    [Fact]
    public async Task An_admin_cannot_lock_their_own_account()
    {
        var self = await BecomeDemoAdminAsync();

        var result = await Service.SetLockedAsync(self, true);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.CannotLockSelf);
        (await LockoutEndAsync(self)).ShouldBeNull();
    }

    [Fact]
    public async Task An_admin_only_sees_and_manages_accounts_within_their_jurisdiction()
    {
        var outside = await CreateAccountAsync("府山街道");
        var inside = await CreateAccountAsync("东山社区");
        await fixture.UseAsync(Roles.Admin, "椒江区");

        var listed = (await Service.ListAsync()).Value!;
        var lockOutside = await Service.SetLockedAsync(outside, true);

        listed.ShouldContain(a => a.Id == inside);
        listed.ShouldNotContain(a => a.Id == outside);
        lockOutside.Status.ShouldBe(ResultStatus.NotFound);
        (await LockoutEndAsync(outside)).ShouldBeNull();
    }

    [Fact]
    public async Task An_admin_cannot_give_an_account_a_home_outside_their_jurisdiction()
    {
        await fixture.UseAsync(Roles.Admin, "椒江区");
        var form = await NewAccountFormAsync("府山街道");

        var result = await Service.SaveAsync(form);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(AccountForm.HomeUnitId));
    }

    [Fact]
    public async Task Changing_an_accounts_role_replaces_the_old_one()
    {
        var id = await CreateAccountAsync();
        await fixture.UseAsync(Roles.Admin, "浙江省");
        var item = (await Service.ListAsync()).Value!.Single(a => a.Id == id);

        var result = await Service.SaveAsync(new AccountForm
        {
            Id = id,
            UserName = item.UserName,
            DisplayName = item.DisplayName,
            Role = Roles.Supervisor,
            HomeUnitId = item.HomeUnitId,
        });

        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        (await Service.ListAsync()).Value!.Single(a => a.Id == id).Role.ShouldBe(Roles.Supervisor);
        await using var db = fixture.NewContext();
        (await db.UserRoles.CountAsync(r => r.UserId == id)).ShouldBe(1);
    }
}
