using Microsoft.AspNetCore.Identity;

namespace Lianxin.Platform.Access;

/// <summary>ASP.NET Core Identity's messages, in Chinese.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作失败");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "当前密码不正确");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "用户名只能包含字母、数字和 . _ - @");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"用户名 {userName} 已被使用");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"角色 {role} 已存在");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"用户已有角色 {role}");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"用户没有角色 {role}");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少 {length} 位");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个符号");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码须包含数字");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码须包含小写字母");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码须包含大写字母");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"密码须包含至少 {uniqueChars} 个不同字符");
}
