using FrontlineCare.Core.Policy;

namespace FrontlineCare.Core.Tests.Policy;

public sealed class NationalIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    // Check characters computed independently (ISO 7064 MOD 11-2), not with the code under test.
    [Theory]
    [InlineData("11010519491231002X")] // the example of GB 11643-1999, check character X
    [InlineData("330102199001011234")]
    [InlineData("331002198503150040")]
    [InlineData("320106198002290019")] // born on a leap day
    public void A_known_valid_number_is_accepted(string id)
    {
        NationalIdNumber.Check(id, Today).ShouldBe(NationalIdProblem.None);
    }

    [Theory]
    [InlineData("330102199001011235")]
    [InlineData("330102199001011230")]
    [InlineData("110105194912310029")] // the standard's example with a digit instead of its X
    public void A_wrong_check_digit_is_reported_as_such(string id)
    {
        NationalIdNumber.Check(id, Today).ShouldBe(NationalIdProblem.CheckDigit);
    }

    [Theory]
    [InlineData("330102199013011231")] // month 13, correct check digit
    [InlineData("330102198102291234")] // 29 February of a common year
    [InlineData("330102209912311234")] // born in the future
    [InlineData("440524188001010014")] // born before 1900
    public void An_impossible_birth_date_is_reported_even_with_a_correct_check_digit(string id)
    {
        NationalIdNumber.Check(id, Today).ShouldBe(NationalIdProblem.BirthDate);
    }

    [Theory]
    [InlineData("33010219900101123")] // 17 digits
    [InlineData("3301021990010112345")] // 19 digits
    [InlineData("33010219900101123Y")]
    [InlineData("3301021990010112X4")]
    [InlineData("")]
    [InlineData(null)]
    public void A_number_of_the_wrong_shape_is_a_format_problem(string? id)
    {
        NationalIdNumber.Check(id, Today).ShouldBe(NationalIdProblem.Format);
    }

    [Fact]
    public void A_lowercase_x_and_surrounding_spaces_are_accepted_and_normalised()
    {
        NationalIdNumber.Check(" 11010519491231002x ", Today).ShouldBe(NationalIdProblem.None);
        NationalIdNumber.Normalize(" 11010519491231002x ").ShouldBe("11010519491231002X");
    }

    [Theory]
    [InlineData("11010519491231002X", false)] // 17th digit 2: a woman
    [InlineData("330102199001011234", true)] // 17th digit 3: a man
    [InlineData("331002198503150040", false)] // 17th digit 4
    [InlineData("320106198002290019", true)] // 17th digit 1
    public void The_seventeenth_digit_tells_the_gender(string id, bool male)
    {
        NationalIdNumber.IsMale(id).ShouldBe(male);
    }

    [Fact]
    public void The_birth_date_is_read_from_the_number()
    {
        NationalIdNumber.BirthDate("320106198002290019").ShouldBe(new DateOnly(1980, 2, 29));
    }

    [Fact]
    public void A_composed_number_is_valid_and_carries_its_parts()
    {
        var id = NationalIdNumber.Compose("330102", new DateOnly(1990, 1, 1), 123);

        id.ShouldBe("330102199001011234");
        NationalIdNumber.Check(id, Today).ShouldBe(NationalIdProblem.None);
        NationalIdNumber.IsMale(id).ShouldBeTrue();
        NationalIdNumber.IsMale(NationalIdNumber.Compose("330102", new DateOnly(1990, 1, 1), 124)).ShouldBeFalse();
    }
}
