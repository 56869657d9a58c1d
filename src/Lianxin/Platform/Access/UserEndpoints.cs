using Lianxin.Platform.Audit;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Access;

/// <summary>User accounts. A user is visible and manageable only when bound to an organization inside the caller's scope.</summary>
public static class UserEndpoints
{
    public sealed record UserRow(Guid Id, string UserName, string DisplayName, Guid OrgId, string OrgName,
        IReadOnlyList<string> Roles, bool IsActive, DateTime? LockedUntil, DateTime? LastSignInAt);
    public sealed record CreateUserRequest(string? UserName, string? DisplayName, Guid? OrgId, string? Password, IReadOnlyList<string>? Roles);
    public sealed record UpdateUserRequest(string? DisplayName, Guid? OrgId, bool? IsActive);
    public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
    public sealed record ResetPasswordRequest(string? NewPassword);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("用户与角色");
        g.MapGet("/", List).RequirePermission(Perm.User.Read);
        g.MapGet("/roles", () => TypedResults.Ok(Roles.All)).RequirePermission(Perm.User.Read);
        g.MapGet("/{id:guid}", Get).RequirePermission(Perm.User.Read);
        g.MapPost("/", Create).RequirePermission(Perm.User.Write);
        g.MapPut("/{id:guid}", Update).RequirePermission(Perm.User.Write);
        g.MapPut("/{id:guid}/roles", SetRoles).RequirePermission(Perm.Role.Assign);
        g.MapPost("/{id:guid}/unlock", Unlock).RequirePermission(Perm.Role.Assign);
        g.MapPost("/{id:guid}/reset-password", ResetPassword).RequirePermission(Perm.Role.Assign);
    }

    /// <summary>Users whose organization lies in the caller's scope (the PartyOrgs query filter does the scoping).</summary>
    private static IQueryable<AppUser> ScopedUsers(AppDbContext db) =>
        db.Users.Where(u => db.PartyOrgs.Any(o => o.Id == u.OrgId));

    internal static async Task<Ok<PageOf<UserRow>>> List(AppDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        var query = ScopedUsers(db);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }
        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.UserName).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<UserRow>(await ToRows(db, users, ct), total, p, size));
    }

    private static async Task<List<UserRow>> ToRows(AppDbContext db, List<AppUser> users, CancellationToken ct)
    {
        var ids = users.Select(u => u.Id).ToList();
        var orgIds = users.Select(u => u.OrgId).Distinct().ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var orgs = await db.PartyOrgs.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. users.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.OrgId, orgs.GetValueOrDefault(u.OrgId, ""),
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)], u.IsActive,
            u.LockoutEnd?.UtcDateTime, u.LastSignInAt))];
    }

    internal static async Task<Results<Ok<UserRow>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var user = await ScopedUsers(db).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok((await ToRows(db, [user], ct))[0]);
    }

    internal static async Task<Results<Created<UserRow>, ValidationProblem>> Create(
        CreateUserRequest request, AppDbContext db, UserManager<AppUser> users, System.Security.Claims.ClaimsPrincipal caller, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        // 三员分立: the system administrator opens accounts; only the security administrator grants roles.
        if (request.Roles is { Count: > 0 } && !Roles.PermissionsOf(caller).Contains(Perm.Role.Assign))
            errors["roles"] = ["角色须由安全管理员分配（三员分立）；请先创建账号，再由安全管理员授予角色"];
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["请填写用户名"];
        else if (request.UserName.Trim().Length > 64) errors["userName"] = ["用户名不能超过64个字符"];
        if (string.IsNullOrWhiteSpace(request.DisplayName)) errors["displayName"] = ["请填写姓名"];
        else if (request.DisplayName.Trim().Length > 50) errors["displayName"] = ["姓名不能超过50个字"];
        if (request.OrgId is null || !await db.PartyOrgs.AnyAsync(o => o.Id == request.OrgId, ct)) errors["orgId"] = ["请选择所属组织（须在您的管辖范围内）"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请设置初始密码"];
        var roles = request.Roles ?? [];
        if (roles.Any(r => !Roles.Permissions.ContainsKey(r))) errors["roles"] = ["角色不存在"];
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(),
            OrgId = request.OrgId!.Value, CreatedAt = db.Now, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded) return IdentityProblem(created);
        if (roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded) return IdentityProblem(added);
        }
        db.Audit(AuditActions.Create, "用户", user.Id.ToString(), $"新增用户：{user.UserName}（{user.DisplayName}）", after: new { user.UserName, user.DisplayName, user.OrgId, Roles = roles });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", (await ToRows(db, [user], ct))[0]);
    }

    private static ValidationProblem IdentityProblem(IdentityResult result)
    {
        var field = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password"
            : result.Errors.Any(e => e.Code.Contains("UserName", StringComparison.Ordinal)) ? "userName" : "roles";
        return Problems.Validation(new Dictionary<string, string[]> { [field] = [.. result.Errors.Select(e => e.Description)] });
    }

    internal static async Task<Results<Ok<UserRow>, NotFound, ValidationProblem>> Update(
        Guid id, UpdateUserRequest request, AppDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await ScopedUsers(db).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(request.DisplayName)) return Problems.Validation("displayName", "请填写姓名");
        if (request.DisplayName.Trim().Length > 50) return Problems.Validation("displayName", "姓名不能超过50个字");
        if (request.OrgId is { } orgId && !await db.PartyOrgs.AnyAsync(o => o.Id == orgId, ct))
            return Problems.Validation("orgId", "请选择所属组织（须在您的管辖范围内）");
        if (user.Id == db.Actor.UserId && request.IsActive == false) return Problems.Validation("isActive", "不能停用自己的账号");
        var roles = await users.GetRolesAsync(user);
        if (user.Id != db.Actor.UserId && roles.Any(r => r is Roles.SecurityAdmin or Roles.AuditAdmin))
            return Problems.Validation("id", "安全管理员、审计管理员的账号不能由系统管理员修改（三员分立）");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = new { user.DisplayName, user.OrgId, user.IsActive, Roles = roles };
        var movedWithRoles = request.OrgId is { } newOrg && newOrg != user.OrgId && roles.Count > 0;
        user.DisplayName = request.DisplayName.Trim();
        user.OrgId = request.OrgId ?? user.OrgId;
        user.IsActive = request.IsActive ?? user.IsActive;
        Check(await users.UpdateAsync(user));
        // A new organization is a new data scope: that is the security administrator's decision, so roles go.
        if (movedWithRoles) Check(await users.RemoveFromRolesAsync(user, roles));
        Check(await users.UpdateSecurityStampAsync(user)); // sessions pick up the change at their next validation
        db.Audit(AuditActions.Update, "用户", user.Id.ToString(), $"修改用户：{user.UserName}{(movedWithRoles ? "（调整所属组织，角色已收回，待安全管理员重新授权）" : "")}",
            before, new { user.DisplayName, user.OrgId, user.IsActive, Roles = movedWithRoles ? [] : roles });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await ToRows(db, [user], ct))[0]);
    }

    /// <summary>Identity reports failures as results; a failed step must abort the whole change.</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DbUpdateConcurrencyException(string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    internal static async Task<Results<Ok<UserRow>, NotFound, ValidationProblem>> SetRoles(
        Guid id, SetRolesRequest request, AppDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await ScopedUsers(db).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return TypedResults.NotFound();
        var wanted = (request.Roles ?? []).Distinct().ToList();
        if (wanted.Any(r => !Roles.Permissions.ContainsKey(r))) return Problems.Validation("roles", "角色不存在");
        if (user.Id == db.Actor.UserId) return Problems.Validation("roles", "不能调整自己的角色");
        if (wanted.Any(Roles.Administrators.Contains) && wanted.Count > 1)
            return Problems.Validation("roles", $"{string.Join("、", wanted.Where(Roles.Administrators.Contains))}须单独担任，不能兼任其他角色（三员分立）");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        await users.UpdateSecurityStampAsync(user);
        db.Audit(AuditActions.Roles, "用户", user.Id.ToString(), $"调整角色：{user.UserName}", new { Roles = current }, new { Roles = wanted });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await ToRows(db, [user], ct))[0]);
    }

    /// <summary>Sets a new password (the user is told it out of band) and ends the user's other sessions.</summary>
    internal static async Task<Results<NoContent, NotFound, ValidationProblem>> ResetPassword(
        Guid id, ResetPasswordRequest request, AppDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await ScopedUsers(db).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return TypedResults.NotFound();
        if (user.Id == db.Actor.UserId) return Problems.Validation("id", "请通过“修改密码”更改自己的密码");
        if ((await users.GetRolesAsync(user)).Any(Roles.Administrators.Contains))
            return Problems.Validation("id", "三员账号的密码不能在此重置，请由本人修改，或由运维人员用命令行 lianxin admin 重置");
        if (string.IsNullOrEmpty(request.NewPassword)) return Problems.Validation("newPassword", "请输入新密码");
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, request.NewPassword);
            if (!check.Succeeded) return Problems.Validation(new Dictionary<string, string[]> { ["newPassword"] = [.. check.Errors.Select(e => e.Description)] });
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, request.NewPassword);
        await users.UpdateSecurityStampAsync(user);
        db.Audit(AuditActions.PasswordReset, "用户", user.Id.ToString(), $"重置密码：{user.UserName}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, NotFound>> Unlock(Guid id, AppDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await ScopedUsers(db).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return TypedResults.NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        db.Audit(AuditActions.Unlock, "用户", user.Id.ToString(), $"解锁账号：{user.UserName}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
