namespace Lianxin.Modules.Grids.Domain;

/// <summary>
/// A one-time sign-in code sent by SMS to a resident's phone (居民随手拍). Only keyed hashes are stored: of the phone
/// (the key) and of the code. A code lives 5 minutes and allows 5 tries; a phone gets one code a minute, 10 a day.
/// </summary>
public sealed class ResidentCode
{
    public const int LifetimeMinutes = 5;
    public const int MaxAttempts = 5;
    public const int PerDay = 10;

    private ResidentCode() { }

    public string PhoneHash { get; private set; } = "";
    public string CodeHash { get; private set; } = "";
    public DateTime SentAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public int Attempts { get; private set; }
    /// <summary>The China date the day's count is for, and the count.</summary>
    public DateOnly Day { get; private set; }
    public int SentToday { get; private set; }

    public static ResidentCode Create(string phoneHash) => new() { PhoneHash = phoneHash };

    /// <summary>Why no new code may be sent now, or null.</summary>
    public string? RefuseResend(DateTime now, DateOnly today)
    {
        if (now - SentAt < TimeSpan.FromMinutes(1)) return "验证码已发送，请1分钟后再试";
        if (Day == today && SentToday >= PerDay) return "今天获取验证码的次数已达上限，请明天再试";
        return null;
    }

    public void Issue(string codeHash, DateTime now, DateOnly today)
    {
        CodeHash = codeHash;
        SentAt = now;
        ExpiresAt = now.AddMinutes(LifetimeMinutes);
        Attempts = 0;
        SentToday = Day == today ? SentToday + 1 : 1;
        Day = today;
    }

    /// <summary>Checks a code: null when it matches (and it is then used up), else the reason.</summary>
    public string? Verify(string codeHash, DateTime now)
    {
        if (CodeHash.Length == 0 || now > ExpiresAt) return "验证码已过期，请重新获取";
        if (Attempts >= MaxAttempts) return "验证码错误次数过多，请重新获取";
        Attempts++;
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(codeHash), System.Text.Encoding.ASCII.GetBytes(CodeHash)))
            return "验证码不正确";
        CodeHash = "";
        return null;
    }
}
