using System.Globalization;

namespace Lianxin.Modules.Members.Domain;

/// <summary>
/// The order clerks expect for Chinese names: by pinyin (阿 安 董 … 张), as the zh-CN collation of ICU defines it.
/// A name's collation key is stored beside it as hex, so that a plain binary index yields pinyin order on both
/// databases. Keys come from the machine's ICU; after an ICU upgrade, `lianxin migrate --rekey-names` rebuilds them.
/// </summary>
public static class NameOrder
{
    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    public const int MaxKeyLength = 200;

    /// <summary>Never empty (an empty key marks a row still to be computed), at most MaxKeyLength characters.</summary>
    public static string Key(string name)
    {
        var key = Convert.ToHexString(Chinese.GetSortKey(name).KeyData);
        return key.Length == 0 ? "00" : key.Length <= MaxKeyLength ? key : key[..MaxKeyLength];
    }
}
