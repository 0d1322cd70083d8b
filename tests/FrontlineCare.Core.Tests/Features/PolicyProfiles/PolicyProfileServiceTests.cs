using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;

namespace FrontlineCare.Core.Tests.Features.PolicyProfiles;

/// <summary>Effective-dated parameter changes: who may record them, what is refused, and what is in force when.</summary>
public sealed class PolicyProfileServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private PolicyProfileService Policies => fixture.Get<PolicyProfileService>();
    private DateTime Today => fixture.Clock.Today().ToDateTime(TimeOnly.MinValue);

    private static PolicyParameterForm Form(string key, string? value, DateTime? from, string? source = "省委组织部通知", PolicyProfileCode profile = PolicyProfileCode.ZJ) =>
        new() { Profile = profile, Key = key, Value = value, EffectiveFrom = from, Source = source };

    [Fact]
    public async Task The_page_shows_the_sourced_default_until_a_change_is_in_force_and_lists_a_scheduled_one()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Policies.ChangeAsync(Form("B2.maxHoursIn7Days", "56", Today.AddDays(7)))).IsOk.ShouldBeTrue();

        var row = (await Policies.ParametersAsync(PolicyProfileCode.ZJ)).Value!.Single(r => r.Current.Key == "B2.maxHoursIn7Days");

        (row.Current.Value, row.DefaultValue).ShouldBe(("60", "60"));
        row.Current.Source.ShouldContain("portal default");
        var scheduled = row.Changes.ShouldHaveSingleItem();
        (scheduled.Value, scheduled.Source, scheduled.CreatedBy).ShouldBe(("56", "省委组织部通知", fixture.User.UserName));

        (await Policies.ChangeAsync(Form("B2.maxHoursIn7Days", "58", Today))).IsOk.ShouldBeTrue();
        var now = (await Policies.ParametersAsync(PolicyProfileCode.ZJ)).Value!.Single(r => r.Current.Key == "B2.maxHoursIn7Days");
        (now.Current.Value, now.Current.Source, now.Changes.Count).ShouldBe(("58", "省委组织部通知", 2));
    }

    [Fact]
    public async Task Bad_values_get_field_messages_and_nothing_is_recorded()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var result = await Policies.ChangeAsync(Form("B2.maxShiftHours", "25", new DateTime(2019, 1, 1), source: " "));

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Select(e => e.Field).ShouldBe(["Value", "EffectiveFrom", "Source"], ignoreOrder: true);
        result.Errors.Single(e => e.Field == "Value").Message.ShouldBe(string.Format(Messages.PolicyValueRange, 1, 24));
        (await Policies.ChangeAsync(Form("B2.maxShiftHours", "十", Today))).Errors.ShouldHaveSingleItem().Field.ShouldBe("Value");
        (await Policies.ParametersAsync(PolicyProfileCode.ZJ)).Value!.Single(r => r.Current.Key == "B2.maxShiftHours").Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_change_on_the_same_day_is_refused_on_the_date_field()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Policies.ChangeAsync(Form("B5.reportCadenceDays", "14", Today.AddDays(3)))).IsOk.ShouldBeTrue();

        var again = await Policies.ChangeAsync(Form("B5.reportCadenceDays", "10", Today.AddDays(3)));

        again.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("EffectiveFrom", Messages.PolicyChangeSameDay));
    }

    [Fact]
    public async Task Only_the_organisation_department_changes_parameters_and_only_of_profiles_in_force_in_its_jurisdiction()
    {
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Policies.ChangeAsync(Form("B2.maxShiftHours", "10", Today))).Status.ShouldBe(ResultStatus.Forbidden);

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Policies.ProfilesAsync()).ShouldBe([PolicyProfileCode.ZJ]);
        (await Policies.ChangeAsync(Form("B2.maxShiftHours", "10", Today, profile: PolicyProfileCode.SX))).Status.ShouldBe(ResultStatus.NotFound);
        (await Policies.ParametersAsync(PolicyProfileCode.SX)).Status.ShouldBe(ResultStatus.NotFound);

        await fixture.UseAsync(Roles.OrgDepartment, "绍兴市");
        (await Policies.ChangeAsync(Form("B2.maxShiftHours", "10", Today, profile: PolicyProfileCode.SX))).IsOk.ShouldBeTrue();
    }
}
