using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Organizations.Features;

public sealed record RegionNode(Guid Id, string Code, string Name, RegionLevel Level, Guid? ParentId, bool HasChildren);
public sealed record RegionInput(Guid? ParentId, string? Code, string? Name, RegionLevel? Level);
public sealed record RenameRegionRequest(string? Name);

/// <summary>行政区划: reference data shared by every organization (read by all, written by 系统管理员).</summary>
public static class RegionFeatures
{
    public static async Task<Results<Ok<List<RegionNode>>, NotFound>> Children(Guid? parentId, AppDbContext db, CancellationToken ct)
    {
        if (parentId is { } pid && !await db.Regions.AnyAsync(r => r.Id == pid, ct)) return TypedResults.NotFound();
        var rows = await db.Regions.Where(r => r.ParentId == parentId).OrderBy(r => r.Code)
            .Select(r => new RegionNode(r.Id, r.Code, r.Name, r.Level, r.ParentId, db.Regions.Any(c => c.ParentId == r.Id))).ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    public static async Task<Results<Created<RegionNode>, ValidationProblem>> Create(RegionInput r, AppDbContext db, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var code = r.Code?.Trim() ?? "";
        var name = r.Name?.Trim() ?? "";
        if (code.Length is < 6 or > 12 || !code.All(char.IsAsciiDigit)) e["code"] = ["区划代码应为6到12位数字"];
        else if (await db.Regions.AnyAsync(x => x.Code == code, ct)) e["code"] = ["该区划代码已存在"];
        if (name.Length is 0 or > 50) e["name"] = ["请填写名称（不超过50个字）"];
        if (r.Level is null) e["level"] = ["请选择层级"];
        Region? parent = null;
        if (r.ParentId is { } pid && (parent = await db.Regions.FirstOrDefaultAsync(x => x.Id == pid, ct)) is null) e["parentId"] = ["上级区划不存在"];
        if (e.Count > 0) return Problems.Validation(e);
        var region = Region.Create(parent, code, name, r.Level!.Value);
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/regions/{region.Id}", new RegionNode(region.Id, region.Code, region.Name, region.Level, region.ParentId, false));
    }

    public static async Task<Results<Ok<RegionNode>, NotFound, ValidationProblem>> Rename(Guid id, RenameRegionRequest r, AppDbContext db, CancellationToken ct)
    {
        var region = await db.Regions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (region is null) return TypedResults.NotFound();
        var name = r.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50) return Problems.Validation("name", "请填写名称（不超过50个字）");
        region.Rename(name);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RegionNode(region.Id, region.Code, region.Name, region.Level, region.ParentId,
            await db.Regions.AnyAsync(c => c.ParentId == region.Id, ct)));
    }
}
