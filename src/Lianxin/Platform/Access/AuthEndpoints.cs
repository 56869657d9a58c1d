using System.Security.Claims;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Access;

public static class AuthEndpoints
{
    public const string XsrfCookie = "XSRF-TOKEN";

    public sealed record LoginRequest(string? UserName, string? Password);
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
    public sealed record Me(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles,
        IReadOnlyList<string> Permissions, Guid OrgId, string OrgName);
    public sealed record AntiforgeryToken(string Token);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/auth").WithTags("登录与会话");
        g.MapGet("/antiforgery", IssueAntiforgery);
        g.MapPost("/login", Login).RequireRateLimiting(LianxinApp.SignInLimit);
        g.MapPost("/logout", Logout).RequireAuthorization();
        g.MapGet("/me", GetMe).RequireAuthorization();
        g.MapPost("/change-password", ChangePassword).RequireAuthorization();
    }

    internal static Ok<AntiforgeryToken> IssueAntiforgery(HttpContext http, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryToken(StoreTokens(http, antiforgery)));

    private static string StoreTokens(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Cookies.Append(XsrfCookie, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/",
        });
        return tokens.RequestToken!;
    }

    internal static async Task<Results<Ok<Me>, ProblemHttpResult, ValidationProblem>> Login(
        LoginRequest request, HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        AppDbContext db, IAntiforgery antiforgery, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["请输入用户名"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请输入密码"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var name = request.UserName!.Trim();
        var shownName = name.Length > 64 ? name[..64] : name;
        var user = await users.FindByNameAsync(name);
        if (user is null || !user.IsActive)
        {
            db.Audit(AuditActions.LoginFailure, "用户", user?.Id.ToString(), $"登录失败：用户名 {shownName}（{(user is null ? "用户不存在" : "账号已停用")}）",
                actor: (user?.Id, shownName));
            await db.SaveChangesAsync(ct);
            return WrongPassword();
        }

        var result = await CheckPassword(user, request.Password!, signIn, db, ct);
        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            db.Audit(AuditActions.LoginFailure, "用户", user.Id.ToString(), $"登录失败：{shownName}（账号已锁定）", actor: (user.Id, shownName));
            await db.SaveChangesAsync(ct);
            var local = until?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem($"连续输错密码次数过多，账号已锁定，请于 {local} 后再试，或联系安全管理员解锁。",
                statusCode: StatusCodes.Status423Locked, title: "账号已锁定");
        }
        if (!result.Succeeded)
        {
            db.Audit(AuditActions.LoginFailure, "用户", user.Id.ToString(), $"登录失败：{shownName}（密码错误）", actor: (user.Id, shownName));
            await db.SaveChangesAsync(ct);
            return WrongPassword();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        // A plain column update: two sign-ins of one account at once must not collide on the concurrency stamp.
        var now = db.Now;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), ct);
        db.Audit(AuditActions.LoginSuccess, "用户", user.Id.ToString(), $"登录成功：{user.UserName}", actor: (user.Id, user.UserName!));
        await db.SaveChangesAsync(ct);

        // The antiforgery token is bound to the identity: issue one for the new session.
        http.User = await signIn.CreateUserPrincipalAsync(user);
        StoreTokens(http, antiforgery);
        return TypedResults.Ok(await BuildMe(user, users, db, ct));
    }

    /// <summary>
    /// Checks the password and counts failures. Concurrent attempts on one account can collide on the user
    /// row's concurrency stamp; the check is then repeated on fresh data rather than surfacing a conflict.
    /// </summary>
    private static async Task<SignInResult> CheckPassword(AppUser user, string password, SignInManager<AppUser> signIn,
        AppDbContext db, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await db.Entry(user).ReloadAsync(ct);
            }
        }
    }

    private static ProblemHttpResult WrongPassword() =>
        TypedResults.Problem("用户名或密码错误", statusCode: StatusCodes.Status401Unauthorized, title: "用户名或密码错误");

    internal static async Task<NoContent> Logout(HttpContext http, SignInManager<AppUser> signIn, AppDbContext db, CancellationToken ct)
    {
        db.Audit(AuditActions.Logout, "用户", http.User.FindFirstValue(ClaimTypes.NameIdentifier), $"退出登录：{http.User.Identity?.Name}");
        await db.SaveChangesAsync(ct);
        await signIn.SignOutAsync();
        http.Response.Cookies.Delete(XsrfCookie);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> GetMe(
        ClaimsPrincipal principal, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(await BuildMe(user, users, db, ct));
    }

    private static async Task<Me> BuildMe(AppUser user, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var orgName = await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(o => o.Id == user.OrgId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        return new Me(user.Id, user.UserName!, user.DisplayName, roles,
            [.. Roles.PermissionsOf(roles).Order(StringComparer.Ordinal)], user.OrgId, orgName);
    }

    internal static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        AppDbContext db, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return TypedResults.Unauthorized();
        if (string.IsNullOrEmpty(request.CurrentPassword)) return Problems.Validation("currentPassword", "请输入当前密码");
        if (string.IsNullOrEmpty(request.NewPassword)) return Problems.Validation("newPassword", "请输入新密码");
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            var field = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "currentPassword" : "newPassword";
            return Problems.Validation(new Dictionary<string, string[]> { [field] = [.. result.Errors.Select(e => e.Description)] });
        }
        db.Audit(AuditActions.Update, "用户", user.Id.ToString(), $"修改密码：{user.UserName}");
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }
}
