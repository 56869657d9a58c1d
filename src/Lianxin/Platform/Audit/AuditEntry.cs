namespace Lianxin.Platform.Audit;

/// <summary>
/// One line of the append-only audit log. Seq numbers the chain without gaps; Hash covers this entry's
/// fields and the previous entry's Hash, so any edit, deletion or insertion inside the chain is detectable.
/// </summary>
public sealed class AuditEntry
{
    public long Seq { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string? Ip { get; set; }
    public string Action { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string Summary { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public sealed record AuditDraft(string Action, string? EntityType, string? EntityId, string Summary, string? Before, string? After)
{
    /// <summary>Set when the actor is not the request's user (a sign-in, before the session exists).</summary>
    public (Guid? Id, string Name)? ActorOverride { get; init; }
}

public static class AuditActions
{
    public const string LoginSuccess = "login.success";
    public const string LoginFailure = "login.failure";
    public const string Logout = "logout";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Export = "export";
    public const string Reveal = "reveal";
    public const string Move = "move";
    public const string Close = "close";
    public const string Roles = "roles";
    public const string PasswordReset = "password.reset";
    public const string Unlock = "unlock";
    public const string Import = "import";
    public const string Submit = "submit";
    public const string Return = "return";
    public const string Publish = "publish";
    public const string Remind = "remind";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string CameBack = "cameback";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [LoginSuccess] = "登录成功", [LoginFailure] = "登录失败", [Logout] = "退出登录", [Create] = "新增",
        [Update] = "修改", [Delete] = "删除", [Export] = "导出", [Reveal] = "查看明文", [Move] = "移动", [Close] = "撤销",
        [Roles] = "调整角色", [PasswordReset] = "重置密码", [Unlock] = "解锁",
        [Import] = "导入", [Submit] = "提交", [Return] = "退回", [Publish] = "发布", [Remind] = "发送提醒",
        [Approve] = "审批通过", [Reject] = "驳回", [CameBack] = "登记返回",
    };
}
