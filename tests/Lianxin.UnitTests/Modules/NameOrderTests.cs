using Lianxin.Modules.Members.Domain;

namespace Lianxin.UnitTests.Modules;

public sealed class NameOrderTests
{
    [Fact]
    public void Keys_put_names_in_pinyin_order_under_a_plain_binary_comparison()
    {
        string[] names = ["张三丰", "吴德朋", "阿明", "秦武", "董龙壮", "张三", "欧阳修", "安娜", "董信晨"];
        var ordered = names.OrderBy(NameOrder.Key, StringComparer.Ordinal).ToArray();
        Assert.Equal(["阿明", "安娜", "董龙壮", "董信晨", "欧阳修", "秦武", "吴德朋", "张三", "张三丰"], ordered);
    }

    [Fact]
    public void A_key_is_never_empty_and_is_bounded()
    {
        Assert.NotEqual("", NameOrder.Key(""));
        Assert.True(NameOrder.Key(new string('张', 500)).Length <= NameOrder.MaxKeyLength);
        Assert.Matches("^[0-9A-F]+$", NameOrder.Key("李老党员"));
    }
}
