using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Organizations.Features;

public sealed record OrgInput(Guid? ParentId, string? Name, OrgKind? Kind, Guid? RegionId, string? Code, string? SecretaryName);
public sealed record MoveOrgRequest(Guid? NewParentId);
public sealed record CloseOrgRequest(string? Reason);

/// <summary>Create, rename/edit, move a subtree, close (撤销) an empty organization.</summary>
public static class OrgWrites
{
    private static Dictionary<string, string[]> CheckFields(OrgInput r)
    {
        var e = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) e["name"] = ["请填写组织名称"];
        else if (name.Length > 100) e["name"] = ["组织名称不能超过100个字"];
        if (r.Kind is null) e["kind"] = ["请选择组织类别"];
        if (r.Code?.Trim().Length > 30) e["code"] = ["组织代码不能超过30个字符"];
        if (r.SecretaryName?.Trim().Length > 50) e["secretaryName"] = ["书记姓名不能超过50个字"];
        return e;
    }

    private static async Task CheckRegion(AppDbContext db, Guid? regionId, Dictionary<string, string[]> e, CancellationToken ct)
    {
        if (regionId is { } rid && !await db.Regions.AnyAsync(r => r.Id == rid, ct)) e["regionId"] = ["所选行政区划不存在"];
    }

    private static async Task CheckSiblingName(AppDbContext db, Guid? parentId, string name, Guid? self, Dictionary<string, string[]> e, CancellationToken ct)
    {
        if (await db.PartyOrgs.AnyAsync(o => o.ParentId == parentId && o.Name == name && o.Id != self && o.Status == OrgStatus.Active, ct))
            e["name"] = ["同一上级组织下已有同名组织"];
    }

    public static async Task<Results<Created<OrgDetail>, ValidationProblem>> Create(OrgInput request, AppDbContext db, CancellationToken ct)
    {
        var e = CheckFields(request);
        var parent = request.ParentId is { } pid ? await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == pid, ct) : null;
        if (parent is null) e["parentId"] = ["请选择上级组织（须在您的管辖范围内）"];
        await CheckRegion(db, request.RegionId, e, ct);
        if (e.Count == 0) await CheckSiblingName(db, parent!.Id, request.Name!.Trim(), null, e, ct);
        if (e.Count > 0) return Problems.Validation(e);

        var org = parent!.AddChild(request.Name!.Trim(), request.Kind!.Value, db.Now);
        org.Update(org.Name, org.Kind, request.Code, request.RegionId ?? parent.RegionId, request.SecretaryName, db.Now);
        db.PartyOrgs.Add(org);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/orgs/{org.Id}", await OrgReads.ToDetail(db, org, ct));
    }

    public static async Task<Results<Ok<OrgDetail>, NotFound, ValidationProblem>> Update(Guid id, OrgInput request, AppDbContext db, CancellationToken ct)
    {
        var org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return TypedResults.NotFound();
        var e = CheckFields(request);
        await CheckRegion(db, request.RegionId, e, ct);
        if (e.Count == 0)
        {
            await CheckSiblingName(db, org.ParentId, request.Name!.Trim(), org.Id, e, ct);
            var kind = request.Kind!.Value;
            if (kind != org.Kind)
            {
                var parent = org.ParentId is { } pid ? await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).FirstAsync(o => o.Id == pid, ct) : null;
                if (parent is not null && !OrgKinds.MayContain(parent.Kind, kind))
                    e["kind"] = [$"{OrgKinds.Label(parent.Kind)}下不能设立{OrgKinds.Label(kind)}"];
                var childKinds = await db.PartyOrgs.Where(c => c.ParentId == org.Id && c.Status == OrgStatus.Active).Select(c => c.Kind).Distinct().ToListAsync(ct);
                if (childKinds.Any(k => !OrgKinds.MayContain(kind, k))) e["kind"] = [$"该组织的下级组织不能隶属于{OrgKinds.Label(kind)}"];
                if (!OrgKinds.HoldsMembers(kind) && await db.Members.AnyAsync(m => m.OrgId == org.Id, ct))
                    e["kind"] = [$"该组织有直属党员，不能改为{OrgKinds.Label(kind)}"];
            }
        }
        if (e.Count > 0) return Problems.Validation(e);
        org.Update(request.Name!.Trim(), request.Kind!.Value, request.Code, request.RegionId, request.SecretaryName, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await OrgReads.ToDetail(db, org, ct));
    }

    /// <summary>Moves an organization and its whole subtree; every path below it, and every member's and
    /// resident's path, is rewritten in the same transaction by set-based updates.</summary>
    public static async Task<Results<Ok<OrgDetail>, NotFound, ValidationProblem>> Move(Guid id, MoveOrgRequest request, AppDbContext db, CancellationToken ct)
    {
        // Read and check inside the transaction, with tree changes serialised (SQLite transactions begin IMMEDIATE;
        // PostgreSQL takes an advisory lock): two crossing moves must not both pass the cycle check.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({TreeLockKey})", ct);
        var org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return TypedResults.NotFound();
        var target = request.NewParentId is { } pid ? await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == pid, ct) : null;
        if (target is null) return Problems.Validation("newParentId", "请选择新的上级组织（须在您的管辖范围内）");
        if (db.Scope.RootOrgId == org.Id) return Problems.Validation("id", "不能移动您所在的最上级组织");
        var oldParentId = org.ParentId;
        var oldParentName = await db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(o => o.Id == oldParentId).Select(o => o.Name).FirstOrDefaultAsync(ct);

        var oldPath = org.MoveUnder(target, db.Now); // validates; throws DomainException with the field
        var newPath = org.Path;
        var hi = OrgPath.UpperBound(oldPath);
        var depthDelta = org.Depth - (oldPath.Count(c => c == '/') - 2);
        var cut = oldPath.Length;
        db.Entry(org).State = EntityState.Unchanged; // paths are rewritten below, set-based
        var living = await db.Members.CountAsync(m => string.Compare(m.OrgPath, oldPath) >= 0 && string.Compare(m.OrgPath, hi) < 0, ct);

        await db.PartyOrgs.Where(o => string.Compare(o.Path, oldPath) >= 0 && string.Compare(o.Path, hi) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Path, o => newPath + o.Path.Substring(cut))
                .SetProperty(o => o.Depth, o => o.Depth + depthDelta), ct);
        await db.PartyOrgs.Where(o => o.Id == org.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ParentId, target.Id).SetProperty(o => o.UpdatedAt, db.Now), ct);
        await RewritePaths(db, oldPath, hi, newPath, ct);
        db.Audit(AuditActions.Move, "党组织", org.Id.ToString(), $"移动党组织：{org.Name}，从 {oldParentName} 移至 {target.Name}（含 {living} 名党员）",
            new { ParentId = oldParentId, ParentName = oldParentName }, new { ParentId = target.Id, ParentName = target.Name });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        db.ChangeTracker.Clear();
        var moved = await db.PartyOrgs.FirstAsync(o => o.Id == id, ct);
        return TypedResults.Ok(await OrgReads.ToDetail(db, moved, ct));
    }

    /// <summary>
    /// Every organization path stored on a record (OrgPath, and CoOrgPath of co-managed records) follows a moved
    /// subtree: found from the model, so a module's new table cannot be forgotten. Deleted rows move too.
    /// </summary>
    private static async Task RewritePaths(AppDbContext db, string oldPath, string hi, string newPath, CancellationToken ct)
    {
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(PartyOrg) && t.GetTableName() is not null))
            foreach (var property in type.GetProperties().Where(p => p.ClrType == typeof(string) && p.Name is "OrgPath" or "CoOrgPath"))
            {
                var table = type.GetTableName()!;
                var column = property.GetColumnName();
#pragma warning disable EF1002 // identifiers come from the model, values are parameters
                await db.Database.ExecuteSqlRawAsync(
                    $"UPDATE \"{table}\" SET \"{column}\" = {{0}} || substr(\"{column}\", {{1}}) WHERE \"{column}\" >= {{2}} AND \"{column}\" < {{3}}",
                    [newPath, oldPath.Length + 1, oldPath, hi], ct);
#pragma warning restore EF1002
            }
    }

    private const long TreeLockKey = 0x4C58547265650001; // "LXTree" — serialises moves of the organization tree

    public static async Task<Results<Ok<OrgDetail>, NotFound, ValidationProblem>> Close(Guid id, CloseOrgRequest request, AppDbContext db, CancellationToken ct)
    {
        var org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return TypedResults.NotFound();
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Problems.Validation("reason", "请填写撤销原因");
        if (reason.Length > 200) return Problems.Validation("reason", "撤销原因不能超过200个字");
        if (db.Scope.RootOrgId == org.Id) return Problems.Validation("id", "不能撤销您所在的最上级组织");
        var hasChildren = await db.PartyOrgs.AnyAsync(o => o.ParentId == org.Id && o.Status == OrgStatus.Active, ct);
        var hasMembers = await db.Members.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(m => m.OrgId == org.Id, ct);
        if (!hasMembers && await db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(p => p.OrgId == org.Id, ct))
            return Problems.Validation("id", "该组织仍负责居民，请先将居民转至其他组织");
        org.Close(reason, hasChildren, hasMembers, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await OrgReads.ToDetail(db, org, ct));
    }
}
