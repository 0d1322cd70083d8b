using FluentValidation.Results;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FrontlineCare.Core.Tests.Features.Deployments;

public sealed class DeploymentFormValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly DeploymentFormValidator _validator = new(new FakeTimeProvider(AppFixture.Now));

    private static DeploymentForm ValidForm() => TestData.DeploymentForm(Guid.NewGuid(), Today, Today.AddDays(14));

    private ValidationFailure SingleError(DeploymentForm form) => _validator.Validate(form).Errors.ShouldHaveSingleItem();

    [Fact]
    public void A_complete_deployment_passes()
    {
        _validator.Validate(ValidForm()).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_one_day_deployment_ending_on_its_start_day_passes()
    {
        var form = ValidForm();
        form.EndDate = form.StartDate;

        _validator.Validate(form).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void An_open_ended_deployment_passes()
    {
        var form = ValidForm();
        form.EndDate = null;

        _validator.Validate(form).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void An_end_before_the_start_is_refused_on_the_end_date_in_chinese()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.EndDate = Today.AddDays(-1);

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(DeploymentForm.EndDate));
        error.ErrorMessage.ShouldBe("结束日期不能早于开始日期");
    }

    [Fact]
    public void An_end_before_the_start_is_explained_in_english_to_an_english_user()
    {
        using var _ = UiCulture.Use("en-US");
        var form = ValidForm();
        form.EndDate = Today.AddDays(-1);

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(DeploymentForm.EndDate));
        error.ErrorMessage.ShouldBe("The end date cannot be before the start date");
    }

    [Fact]
    public void A_deployment_without_a_start_date_is_refused_on_the_start_date()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.StartDate = null;

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(DeploymentForm.StartDate));
        error.ErrorMessage.ShouldBe("此项为必填");
    }

    [Fact]
    public void A_start_more_than_a_year_ahead_is_refused()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.StartDate = Today.AddYears(1).AddDays(1);
        form.EndDate = null;

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(DeploymentForm.StartDate));
        error.ErrorMessage.ShouldBe("开始日期不能晚于今天之后一年");
    }

    [Fact]
    public void A_deployment_without_post_kind_risk_class_or_place_marks_each_field()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.PostKind = null;
        form.RiskClass = null;
        form.Place = " ";

        var result = _validator.Validate(form);

        result.Errors.Select(e => e.PropertyName).ShouldBe(
            [nameof(DeploymentForm.PostKind), nameof(DeploymentForm.RiskClass), nameof(DeploymentForm.Place)], ignoreOrder: true);
        result.Errors.ShouldAllBe(e => e.ErrorMessage == "此项为必填");
    }

    [Fact]
    public void A_place_longer_than_two_hundred_characters_is_too_long()
    {
        using var _ = UiCulture.Use("en-US");
        var form = ValidForm();
        form.Place = new string('点', 201);

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(DeploymentForm.Place));
        error.ErrorMessage.ShouldBe("At most 200 characters");
    }
}
