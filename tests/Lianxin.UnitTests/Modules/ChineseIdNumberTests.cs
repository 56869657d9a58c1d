using Lianxin.Modules.Members.Domain;

namespace Lianxin.UnitTests.Modules;

public sealed class ChineseIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, Gender.Female)] // the example printed in GB 11643
    [InlineData("440524188001010014", 1880, 1, 1, Gender.Male)]
    public void Parses_valid_numbers_with_birth_date_and_gender(string value, int y, int m, int d, Gender gender)
    {
        // 1880 is before the plausible range: only the 1949 example passes the birth-year check.
        var ok = ChineseIdNumber.TryParse(value, Today, out var id, out var error);
        if (y < 1900) { Assert.False(ok); Assert.Equal("身份证号中的出生日期不正确", error); return; }
        Assert.True(ok, error);
        Assert.Equal(new DateOnly(y, m, d), id.BirthDate);
        Assert.Equal(gender, id.Gender);
    }

    [Fact]
    public void Lower_case_x_and_spaces_are_normalised()
    {
        Assert.True(ChineseIdNumber.TryParse(" 11010519491231002x ", Today, out var id, out _));
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Theory]
    [InlineData("110105194912310021", "身份证号校验位不正确，请核对")]
    [InlineData("1101051949123100", "身份证号应为18位")]
    [InlineData("11010519491231A02X", "身份证号前17位应为数字")]
    [InlineData("99010519491231002X", "身份证号的地址码不正确")]
    [InlineData("110105194902300022", "身份证号中的出生日期不正确")]
    [InlineData("110105203001010021", "身份证号中的出生日期不正确")]
    [InlineData("", "请填写身份证号")]
    public void Refuses_invalid_numbers_with_a_reason(string value, string reason)
    {
        Assert.False(ChineseIdNumber.TryParse(value, Today, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Composed_numbers_are_valid_and_carry_the_requested_gender()
    {
        for (var i = 0; i < 500; i++)
        {
            var birth = new DateOnly(1940, 1, 1).AddDays(i * 37);
            var gender = i % 2 == 0 ? Gender.Male : Gender.Female;
            var value = ChineseIdNumber.Compose("370830", birth, i, gender);
            Assert.True(ChineseIdNumber.TryParse(value, Today, out var id, out var error), error);
            Assert.Equal(birth, id.BirthDate);
            Assert.Equal(gender, id.Gender);
        }
    }
}
