using System.Security.Claims;

namespace Lianxin.Platform.Access;

/// <summary>Permission constants, put on endpoints with RequirePermission.</summary>
public static class Perm
{
    public static class Org { public const string Read = "org:read"; public const string Write = "org:write"; }
    public static class Region { public const string Write = "region:write"; }
    public static class Member { public const string Read = "member:read"; public const string Write = "member:write"; public const string Reveal = "member:reveal"; }
    public static class Person { public const string Read = "person:read"; public const string Write = "person:write"; }
    public static class User { public const string Read = "user:read"; public const string Write = "user:write"; }
    public static class Role { public const string Assign = "role:assign"; }
    public static class Audit { public const string Read = "audit:read"; }
    /// <summary>Organizational life: read; record (meetings, themed days); review (return records, publish plans, award medals, send reminders).</summary>
    public static class OrgLife { public const string Read = "orglife:read"; public const string Write = "orglife:write"; public const string Review = "orglife:review"; }
    /// <summary>Mobile members: read; register and record (either side); approve outbound registrations (home side).</summary>
    public static class Mobile { public const string Read = "mobile:read"; public const string Write = "mobile:write"; public const string Approve = "mobile:approve"; }
    /// <summary>
    /// Grid governance: read; report events and record handling (grid staff); 研判, 派单 and 核查 (community and street staff);
    /// keep grids, handling units, 调解 cases and inspections.
    /// </summary>
    public static class Grid
    {
        public const string Read = "grid:read"; public const string Report = "grid:report"; public const string Dispatch = "grid:dispatch";
        public const string Write = "grid:write";
    }
    /// <summary>
    /// 社区工作者: read the roster and reports; keep the roster, training, archives and recruitment; manage pay (salary
    /// schemes, payroll) and apply assessment outcomes (晋档, 解聘审查).
    /// </summary>
    public static class Workforce
    {
        public const string Read = "workforce:read"; public const string Write = "workforce:write"; public const string Manage = "workforce:manage";
    }
    public static class Settings { public const string Write = "settings:write"; }

    public static readonly IReadOnlyList<string> All =
    [
        Org.Read, Org.Write, Region.Write, Member.Read, Member.Write, Member.Reveal, Person.Read, Person.Write,
        User.Read, User.Write, Role.Assign, Audit.Read, OrgLife.Read, OrgLife.Write, OrgLife.Review, Mobile.Read, Mobile.Write, Mobile.Approve,
        Grid.Read, Grid.Report, Grid.Dispatch, Grid.Write, Workforce.Read, Workforce.Write, Workforce.Manage, Settings.Write,
    ];
}

/// <summary>
/// The roles, named in Chinese as users see them. 系统管理员, 安全管理员 and 审计管理员 are the three
/// separate duties (三员分立): the system administrator runs accounts and organizations but cannot
/// assign roles or read the audit log; the security administrator assigns roles and unlocks accounts;
/// the audit administrator only reads and verifies the audit log.
/// </summary>
public static class Roles
{
    public const string SystemAdmin = "系统管理员";
    public const string SecurityAdmin = "安全管理员";
    public const string AuditAdmin = "审计管理员";
    public const string OrgAdmin = "组织管理员";
    public const string Staff = "工作人员";
    /// <summary>网格员: reports events in the grid and records their handling; sees the events of the community.</summary>
    public const string GridWorker = "网格员";

    public static readonly IReadOnlyDictionary<string, string[]> Permissions = new Dictionary<string, string[]>
    {
        [SystemAdmin] = [Perm.Org.Read, Perm.Org.Write, Perm.Region.Write, Perm.User.Read, Perm.User.Write, Perm.Settings.Write],
        [SecurityAdmin] = [Perm.User.Read, Perm.Role.Assign],
        [AuditAdmin] = [Perm.Audit.Read],
        [OrgAdmin] = [Perm.Org.Read, Perm.Org.Write, Perm.Member.Read, Perm.Member.Write, Perm.Member.Reveal, Perm.Person.Read, Perm.Person.Write,
            Perm.OrgLife.Read, Perm.OrgLife.Write, Perm.OrgLife.Review, Perm.Mobile.Read, Perm.Mobile.Write, Perm.Mobile.Approve,
            Perm.Grid.Read, Perm.Grid.Report, Perm.Grid.Dispatch, Perm.Grid.Write, Perm.Workforce.Read, Perm.Workforce.Write, Perm.Workforce.Manage],
        [Staff] = [Perm.Org.Read, Perm.Member.Read, Perm.Member.Write, Perm.Person.Read, Perm.Person.Write, Perm.OrgLife.Read, Perm.OrgLife.Write,
            Perm.Mobile.Read, Perm.Mobile.Write, Perm.Grid.Read, Perm.Grid.Report, Perm.Grid.Dispatch, Perm.Grid.Write,
            Perm.Workforce.Read, Perm.Workforce.Write],
        [GridWorker] = [Perm.Grid.Read, Perm.Grid.Report],
    };

    public static IReadOnlyList<string> All => [.. Permissions.Keys];

    /// <summary>The three separate duties (三员): each must be held alone, and their accounts are not managed through the API by one another.</summary>
    public static readonly IReadOnlySet<string> Administrators = new HashSet<string> { SystemAdmin, SecurityAdmin, AuditAdmin };

    public static HashSet<string> PermissionsOf(ClaimsPrincipal user) =>
        [.. Permissions.Where(kv => user.IsInRole(kv.Key)).SelectMany(kv => kv.Value)];

    public static HashSet<string> PermissionsOf(IEnumerable<string> roles) =>
        [.. roles.Where(Permissions.ContainsKey).SelectMany(r => Permissions[r])];
}

public static class PermissionEndpointExtensions
{
    /// <summary>The endpoint needs a signed-in user holding the permission (policy named after it).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission);
}
