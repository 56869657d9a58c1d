using System.Globalization;

namespace Lianxin.Modules.Members.Domain;

/// <summary>
/// 居民身份证号码 per GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence
/// (odd = male), and a check character computed with ISO 7064 MOD 11-2.
/// </summary>
public readonly record struct ChineseIdNumber(string Value, DateOnly BirthDate, Gender Gender)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Province-level codes in use (GB/T 2260), plus 71/81/82 for 台湾, 香港, 澳门.</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ];

    /// <summary>Is this a province-level code in use (the first two digits of any GB/T 2260 code)?</summary>
    public static bool IsProvinceCode(string twoDigits) => Provinces.Contains(twoDigits);

    public static char CheckCharFor(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public static string Normalize(string raw) => raw.Trim().ToUpperInvariant();

    /// <summary>Parses and checks a number; on failure returns the reason in Chinese.</summary>
    public static bool TryParse(string? raw, DateOnly today, out ChineseIdNumber id, out string error)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(raw)) { error = "请填写身份证号"; return false; }
        var v = Normalize(raw);
        if (v.Length != 18) { error = "身份证号应为18位"; return false; }
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(v[i])) { error = "身份证号前17位应为数字"; return false; }
        if (!(char.IsAsciiDigit(v[17]) || v[17] == 'X')) { error = "身份证号最后一位应为数字或X"; return false; }
        if (!Provinces.Contains(v[..2])) { error = "身份证号的地址码不正确"; return false; }
        if (!DateOnly.TryParseExact(v.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
        { error = "身份证号中的出生日期不正确"; return false; }
        if (CheckCharFor(v) != v[17]) { error = "身份证号校验位不正确，请核对"; return false; }
        var gender = (v[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        id = new ChineseIdNumber(v, birth, gender);
        error = "";
        return true;
    }

    /// <summary>Builds a valid number (used by the demo-data generator and tests).</summary>
    public static string Compose(string regionCode6, DateOnly birth, int sequence3, Gender gender)
    {
        var seq = sequence3 % 1000;
        if ((seq % 2 == 1) != (gender == Gender.Male)) seq = (seq + 1) % 1000;
        var first17 = regionCode6 + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("000", CultureInfo.InvariantCulture);
        return first17 + CheckCharFor(first17);
    }
}
