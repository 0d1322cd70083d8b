using FluentValidation.Results;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FrontlineCare.Core.Tests.Features.Workers;

public sealed class WorkerFormValidatorTests
{
    private readonly WorkerFormValidator _validator = new(new FakeTimeProvider(AppFixture.Now));

    private static WorkerForm ValidForm() => new()
    {
        FullName = "王小明",
        Gender = Gender.Male,
        NationalId = "330102199001011234",
        Mobile = "13812345678",
        UnitId = Guid.NewGuid(),
        Category = WorkerCategory.Volunteer,
        PoliticalStatus = PoliticalStatus.PartyMember,
        StaffCategory = StaffCategory.Other,
    };

    private ValidationFailure SingleError(WorkerForm form)
    {
        var result = _validator.Validate(form);
        return result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_complete_form_with_a_valid_number_passes()
    {
        _validator.Validate(ValidForm()).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_wrong_check_digit_is_one_error_on_the_national_id_in_chinese()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.NationalId = "330102199001011235";

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.NationalId));
        error.ErrorMessage.ShouldBe("身份证号校验位不正确，请核对");
    }

    [Fact]
    public void A_wrong_check_digit_is_explained_in_english_to_an_english_user()
    {
        using var _ = UiCulture.Use("en-US");
        var form = ValidForm();
        form.NationalId = "330102199001011235";

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.NationalId));
        error.ErrorMessage.ShouldBe("The national ID check digit is wrong; please check the number");
    }

    [Theory]
    [InlineData("330102199013011231", "身份证号中的出生日期无效")]
    [InlineData("33010219900101123", "身份证号应为 18 位：前 17 位为数字，末位为数字或 X")]
    public void A_malformed_number_says_what_is_wrong(string id, string message)
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.NationalId = id;

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.NationalId));
        error.ErrorMessage.ShouldBe(message);
    }

    [Fact]
    public void A_lowercase_x_is_accepted()
    {
        var form = ValidForm();
        form.NationalId = "11010519491231002x";
        form.Gender = Gender.Female;

        _validator.Validate(form).Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1381234567")] // 10 digits
    [InlineData("23812345678")] // does not start with 1
    [InlineData("12812345678")] // no such network
    [InlineData("138-1234-567")]
    public void A_mobile_that_is_not_a_mainland_mobile_number_is_refused(string mobile)
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.Mobile = mobile;

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.Mobile));
        error.ErrorMessage.ShouldBe("手机号应为 11 位数字，以 1 开头");
    }

    [Fact]
    public void A_ten_thousand_character_name_is_too_long_once_not_also_missing()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.FullName = new string('王', 10_000);

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.FullName));
        error.ErrorMessage.ShouldBe("不能超过 50 个字");
    }

    [Fact]
    public void A_too_long_name_is_explained_in_english_to_an_english_user()
    {
        using var _ = UiCulture.Use("en-US");
        var form = ValidForm();
        form.FullName = new string('W', 10_000);

        SingleError(form).ErrorMessage.ShouldBe("At most 50 characters");
    }

    [Fact]
    public void An_empty_new_form_marks_every_required_field_once_in_chinese()
    {
        using var _ = UiCulture.Use("zh-CN");

        var result = _validator.Validate(new WorkerForm());

        var byField = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToList());
        byField.Keys.ShouldBe(
            [
                nameof(WorkerForm.FullName), nameof(WorkerForm.Gender), nameof(WorkerForm.NationalId), nameof(WorkerForm.Mobile),
                nameof(WorkerForm.UnitId), nameof(WorkerForm.Category), nameof(WorkerForm.PoliticalStatus),
            ],
            ignoreOrder: true);
        byField.Values.ShouldAllBe(messages => messages.Count == 1 && messages[0] == "此项为必填");
    }

    [Fact]
    public void An_empty_form_is_explained_in_english_to_an_english_user()
    {
        using var _ = UiCulture.Use("en-US");

        var result = _validator.Validate(new WorkerForm());

        result.Errors.ShouldNotBeEmpty();
        result.Errors.ShouldAllBe(e => e.ErrorMessage == "This field is required");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_mobile_is_required(string mobile)
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.Mobile = mobile;

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.Mobile));
        error.ErrorMessage.ShouldBe("此项为必填");
    }

    [Fact]
    public void A_blank_name_is_required()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.FullName = "  ";

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.FullName));
        error.ErrorMessage.ShouldBe("此项为必填");
    }

    [Fact]
    public void A_gender_that_contradicts_the_national_id_is_refused_on_the_gender_field()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm(); // 17th digit 3: a man
        form.Gender = Gender.Female;

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.Gender));
        error.ErrorMessage.ShouldBe("性别与身份证号不符");
    }

    [Fact]
    public void A_gender_mismatch_is_explained_in_english_to_an_english_user()
    {
        using var _ = UiCulture.Use("en-US");
        var form = ValidForm();
        form.Gender = Gender.Female;

        SingleError(form).ErrorMessage.ShouldBe("Gender does not match the national ID");
    }

    [Fact]
    public void Editing_without_the_national_id_keeps_it_and_is_valid()
    {
        var form = ValidForm();
        form.Id = Guid.NewGuid();
        form.NationalId = null;

        _validator.Validate(form).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_new_worker_needs_a_national_id()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.NationalId = null;

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.NationalId));
        error.ErrorMessage.ShouldBe("此项为必填");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t ")]
    public void On_update_a_blank_national_id_is_refused_not_taken_as_unchanged(string blank)
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.Id = Guid.NewGuid();
        form.NationalId = blank;

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.NationalId));
        error.ErrorMessage.ShouldBe("此项为必填");
    }

    [Theory]
    [InlineData(nameof(WorkerForm.Position))]
    [InlineData(nameof(WorkerForm.ProfessionalTitle))]
    public void Optional_text_of_only_spaces_is_refused_while_empty_clears_it(string field)
    {
        using var _ = UiCulture.Use("zh-CN");
        var property = typeof(WorkerForm).GetProperty(field)!;
        var form = ValidForm();
        form.Id = Guid.NewGuid();
        property.SetValue(form, "   ");

        var error = SingleError(form);
        error.PropertyName.ShouldBe(field);
        error.ErrorMessage.ShouldBe("不能只填空格；如无内容请留空");

        property.SetValue(form, "");
        _validator.Validate(form).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void An_update_must_say_the_staff_category_so_leaving_it_out_cannot_change_it()
    {
        var form = ValidForm();
        form.StaffCategory = null;
        _validator.Validate(form).Errors.ShouldBeEmpty("a new worker without one is 'other'");

        form.Id = Guid.NewGuid();
        SingleError(form).PropertyName.ShouldBe(nameof(WorkerForm.StaffCategory));
    }

    [Fact]
    public void A_person_cannot_be_their_own_spouse()
    {
        using var _ = UiCulture.Use("zh-CN");
        var form = ValidForm();
        form.Id = Guid.NewGuid();
        form.SpouseId = form.Id;

        var error = SingleError(form);

        error.PropertyName.ShouldBe(nameof(WorkerForm.SpouseId));
        error.ErrorMessage.ShouldBe("不能把本人设为配偶");
    }
}
