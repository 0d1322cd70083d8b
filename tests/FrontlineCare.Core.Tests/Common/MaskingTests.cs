using FrontlineCare.Core.Common;

namespace FrontlineCare.Core.Tests.Common;

public sealed class MaskingTests
{
    [Fact]
    public void A_national_id_keeps_its_region_prefix_and_last_four()
    {
        Masking.NationalId("330102199001011234").ShouldBe("3301**********1234");
        Masking.NationalId("11010519491231002X").ShouldBe("1101**********002X");
    }

    [Fact]
    public void A_masked_national_id_hides_the_birth_date()
    {
        Masking.NationalId("330102199001011234").ShouldNotContain("19900101");
    }

    [Fact]
    public void A_mobile_number_keeps_its_first_three_and_last_four()
    {
        Masking.Mobile("13812345678").ShouldBe("138****5678");
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("12345678", "********")]
    public void A_short_or_missing_national_id_is_fully_hidden(string? value, string expected)
    {
        Masking.NationalId(value).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("1381234", "*******")]
    public void A_short_or_missing_mobile_is_fully_hidden(string? value, string expected)
    {
        Masking.Mobile(value).ShouldBe(expected);
    }
}
