using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Organizations.Features;

public sealed record OrgNode(Guid Id, string Name, OrgKind Kind, string KindLabel, Guid? ParentId, bool HasChildren,
    int ChildCount, int MemberCount, OrgStatus Status);

public sealed record OrgDetail(Guid Id, string Name, OrgKind Kind, string KindLabel, Guid? ParentId, bool HasChildren,
    int ChildCount, int MemberCount, OrgStatus Status, string? Code, Guid? RegionId, string? RegionName, string? SecretaryName,
    IReadOnlyList<string> PathNames, IReadOnlyList<Guid> AncestorIds, DateTime CreatedAt, DateTime? ClosedAt, string? CloseReason);

public sealed record OrgSearchHit(Guid Id, string Name, OrgKind Kind, string KindLabel, IReadOnlyList<string> PathNames);

/// <summary>Reading the tree: children of a node (lazy loading), one organization, search by name.</summary>
public static class OrgReads
{
    /// <summary>GET /orgs/children: children of parentId, or the user's own root when omitted.</summary>
    public static async Task<Results<Ok<List<OrgNode>>, NotFound>> Children(Guid? parentId, bool? includeClosed, AppDbContext db, CancellationToken ct)
    {
        IQueryable<PartyOrg> q;
        if (parentId is { } pid)
        {
            if (!await db.PartyOrgs.AnyAsync(o => o.Id == pid, ct)) return TypedResults.NotFound();
            q = db.PartyOrgs.Where(o => o.ParentId == pid);
        }
        else if (db.Scope.RootOrgId is { } root)
        {
            q = db.PartyOrgs.Where(o => o.Id == root);
        }
        else
        {
            q = db.PartyOrgs.Where(o => o.ParentId == null);
        }
        if (includeClosed != true) q = q.Where(o => o.Status == OrgStatus.Active);
        var orgs = await q.OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);
        var nodes = new List<OrgNode>(orgs.Count);
        foreach (var o in orgs) nodes.Add(await ToNode(db, o, ct));
        return TypedResults.Ok(nodes);
    }

    internal static async Task<OrgNode> ToNode(AppDbContext db, PartyOrg o, CancellationToken ct)
    {
        var (childCount, memberCount) = await Counts(db, o, ct);
        return new OrgNode(o.Id, o.Name, o.Kind, OrgKinds.Label(o.Kind), o.ParentId, childCount > 0, childCount, memberCount, o.Status);
    }

    /// <summary>Active children, and members in the whole subtree (a sum of the organizations' member counts).</summary>
    private static async Task<(int Children, int Members)> Counts(AppDbContext db, PartyOrg o, CancellationToken ct)
    {
        var children = await db.PartyOrgs.CountAsync(c => c.ParentId == o.Id && c.Status == OrgStatus.Active, ct);
        return (children, await SubtreeMemberCount(db, o.Path, ct));
    }

    /// <summary>The path of a visible organization, or null when it does not exist or lies outside the caller's scope.</summary>
    public static Task<string?> VisiblePath(AppDbContext db, Guid orgId, CancellationToken ct) =>
        db.PartyOrgs.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);

    /// <summary>The subtree a report or list is asked for: the named organization (null when not visible), or the caller's whole scope.</summary>
    public static async Task<string?> SubtreePath(AppDbContext db, Guid? orgId, CancellationToken ct) =>
        orgId is { } id ? await VisiblePath(db, id, ct) : db.Scope.RootPath ?? OrgPath.Root;

    /// <summary>
    /// Living members in the subtree at <paramref name="path"/> (within the caller's scope): the sum of the
    /// organizations' trigger-maintained counts, which reads one row per organization instead of one per member.
    /// </summary>
    public static Task<int> SubtreeMemberCount(AppDbContext db, string path, CancellationToken ct)
    {
        var hi = OrgPath.UpperBound(path);
        return db.PartyOrgs.Where(x => string.Compare(x.Path, path) >= 0 && string.Compare(x.Path, hi) < 0).SumAsync(x => x.MemberCount, ct);
    }

    public static async Task<Results<Ok<OrgDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == id, ct);
        return org is null ? TypedResults.NotFound() : TypedResults.Ok(await ToDetail(db, org, ct));
    }

    internal static async Task<OrgDetail> ToDetail(AppDbContext db, PartyOrg o, CancellationToken ct)
    {
        var (childCount, memberCount) = await Counts(db, o, ct);
        var ancestors = await Ancestors(db, o.Path, ct);
        var regionName = o.RegionId is { } rid ? await db.Regions.Where(r => r.Id == rid).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
        return new OrgDetail(o.Id, o.Name, o.Kind, OrgKinds.Label(o.Kind), o.ParentId, childCount > 0, childCount, memberCount, o.Status,
            o.Code, o.RegionId, regionName, o.SecretaryName, [.. ancestors.Select(a => a.Name), o.Name],
            [.. ancestors.Select(a => a.Id)], o.CreatedAt, o.ClosedAt, o.CloseReason);
    }

    /// <summary>The ancestors of a path that the user may see, root first: one query on the segments.</summary>
    private static async Task<List<(Guid Id, string Name)>> Ancestors(AppDbContext db, string path, CancellationToken ct)
    {
        var segments = path.Trim('/').Split('/');
        var ancestorSegments = segments[..^1].ToList();
        if (ancestorSegments.Count == 0) return [];
        var rows = await db.PartyOrgs.Where(o => ancestorSegments.Contains(o.Segment)).Select(o => new { o.Id, o.Name, o.Depth }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Depth).Select(r => (r.Id, r.Name))];
    }

    public static async Task<Ok<List<OrgSearchHit>>> Search(string? q, int? limit, AppDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return TypedResults.Ok(new List<OrgSearchHit>());
        var term = q.Trim();
        var take = Math.Clamp(limit ?? 20, 1, 50);
        var hits = await db.PartyOrgs.Where(o => o.Name.Contains(term))
            .OrderBy(o => o.Status).ThenBy(o => o.Depth).ThenBy(o => o.Name).Take(take).ToListAsync(ct);
        // Resolve every ancestor name of every hit in one query.
        var segs = hits.SelectMany(h => h.Path.Trim('/').Split('/')).Distinct().ToList();
        var names = await db.PartyOrgs.Where(o => segs.Contains(o.Segment)).ToDictionaryAsync(o => o.Segment, o => o.Name, ct);
        return TypedResults.Ok(hits.Select(h => new OrgSearchHit(h.Id, h.Name, h.Kind, OrgKinds.Label(h.Kind),
            [.. h.Path.Trim('/').Split('/').Where(names.ContainsKey).Select(s => names[s])])).ToList());
    }
}
