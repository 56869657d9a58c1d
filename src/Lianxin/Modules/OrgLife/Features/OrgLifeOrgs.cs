using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.OrgLife.Features;

/// <summary>Branches, their groups and rosters, as organizational life sees them.</summary>
public static class OrgLifeOrgs
{
    public static bool IsBranch(OrgKind kind) => OrgKinds.Level(kind) == OrgLevel.Branch;

    /// <summary>The active branch-level kinds (党支部 and its variants), for SQL filters.</summary>
    public static readonly OrgKind[] BranchKinds = [.. OrgKinds.All.Where(k => k.Level == OrgLevel.Branch).Select(k => k.Kind)];

    public static readonly OrgKind[] GroupKinds = [.. OrgKinds.All.Where(k => k.Level == OrgLevel.Group).Select(k => k.Kind)];

    /// <summary>The ancestors' paths of a path, itself included ("/a/b/" → "/", "/a/", "/a/b/").</summary>
    public static List<string> AncestorPaths(string path)
    {
        var result = new List<string>();
        for (var i = 0; i < path.Length; i++) if (path[i] == '/') result.Add(path[..(i + 1)]);
        return result;
    }

    /// <summary>
    /// The living members in an organization's subtree (a branch and its groups), in roster order. The list a
    /// meeting's attendance is taken from.
    /// </summary>
    public static async Task<List<RosterMember>> Roster(AppDbContext db, PartyOrg org, CancellationToken ct)
    {
        var rows = await db.Members.AsNoTracking().WithinSubtree(db.Scope, org.Path)
            .OrderBy(m => m.OrgPath).ThenBy(m => m.NameKey).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.OrgId, m.Category, m.Status }).Take(2000).ToListAsync(ct);
        // 一方隶属、多重管理: members flowing in under an approved episode take part here; their membership stays at home.
        var flowIn = await Mobile.Features.FlowInMembers.Under(db, org.Path, ct);
        var names = await MemberReads.OrgNames(db, rows.Select(r => r.OrgId).Concat(flowIn.Select(f => f.HomeOrgId)), ct);
        return [.. rows.Select(r => new RosterMember(r.Id, r.Name, r.OrgId, names.GetValueOrDefault(r.OrgId, ""), r.Category, r.Status)),
            .. flowIn.Where(f => rows.All(r => r.Id != f.MemberId))
                .Select(f => new RosterMember(f.MemberId, f.Name, f.HomeOrgId, names.GetValueOrDefault(f.HomeOrgId, ""), f.Category, f.Status, FlowIn: true))];
    }

    public static Task<List<BranchGroup>> Groups(AppDbContext db, Guid branchId, CancellationToken ct) =>
        db.PartyOrgs.AsNoTracking().Where(o => o.ParentId == branchId && o.Status == OrgStatus.Active && GroupKinds.Contains(o.Kind))
            .OrderBy(o => o.Name).Select(o => new BranchGroup(o.Id, o.Name)).ToListAsync(ct);

    /// <summary>GET /orglife/roster: the members (and groups) of a visible organization, for attendance lists.</summary>
    public static async Task<Results<Ok<BranchRoster>, NotFound>> GetRoster(Guid orgId, AppDbContext db, CancellationToken ct)
    {
        var org = await db.PartyOrgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null) return TypedResults.NotFound();
        return TypedResults.Ok(new BranchRoster(org.Id, org.Name, IsBranch(org.Kind), await Groups(db, org.Id, ct), await Roster(db, org, ct)));
    }
}
