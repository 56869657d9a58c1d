using System.Text.Json;
using System.Text.Json.Nodes;
using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Grids.Features;

/// <summary>
/// Grids: the list and tree of a subtree, one grid with its boundary and staff, create / edit / delete with the boundary
/// checked (valid polygon, inside its parent, no overlap with a sibling — the sibling named), GeoJSON import and export.
/// </summary>
public static class GridFeatures
{
    public sealed record ListQuery(Guid? OrgId, Guid? ParentId, GridLevel? Level, string? Q, int? Page, int? PageSize);

    public static async Task<Results<Ok<PageOf<GridRow>>, NotFound>> List([AsParameters] ListQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = db.Grids.AsNoTracking().WithinSubtree(db.Scope, path);
        if (q.ParentId is { } pid) rows = rows.Where(g => g.ParentId == pid);
        if (q.Level is { } level) rows = rows.Where(g => g.Level == level);
        if (!string.IsNullOrWhiteSpace(q.Q)) { var t = q.Q.Trim(); rows = rows.Where(g => g.Name.Contains(t) || g.Code.Contains(t)); }
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(g => g.OrgPath).ThenBy(g => g.Code).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<GridRow>(await ToRows(db, list, ct), total, page, size));
    }

    internal static async Task<List<GridRow>> ToRows(AppDbContext db, List<Grid> list, CancellationToken ct)
    {
        var ids = list.Select(g => g.Id).ToList();
        var parentIds = list.Where(g => g.ParentId is not null).Select(g => g.ParentId!.Value).Distinct().ToList();
        var parents = await db.Grids.AsNoTracking().Where(g => parentIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var staff = await db.GridStaff.AsNoTracking().Where(s => ids.Contains(s.GridId) && s.EndedOn == null)
            .GroupBy(s => s.GridId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var orgNames = await MemberReads.OrgNames(db, list.Select(g => g.OrgId).Concat(list.Where(g => g.PartyOrgId != null).Select(g => g.PartyOrgId!.Value)), ct);
        return [.. list.Select(g => new GridRow(g.Id, g.OrgId, orgNames.GetValueOrDefault(g.OrgId, ""), g.ParentId,
            g.ParentId is { } p ? parents.GetValueOrDefault(p) : null, g.Level, GridLabels.Of(g.Level), g.Name, g.Code, g.PartyOrgId,
            g.PartyOrgId is { } po ? orgNames.GetValueOrDefault(po) : null, g.Buildings, g.Households, g.AreaSquareMetres, staff.GetValueOrDefault(g.Id), g.Version))];
    }

    public static async Task<Results<Ok<GridDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var g = await db.Grids.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (g is null) return TypedResults.NotFound();
        var children = await db.Grids.AsNoTracking().Where(x => x.ParentId == id).OrderBy(x => x.Code).ToListAsync(ct);
        var rows = await ToRows(db, [g, .. children], ct);
        return TypedResults.Ok(new GridDetail(rows[0], JsonSerializer.SerializeToElement(GridShape.FromWkb(g.Boundary).Geometry, GridShape.GeoJson),
            await StaffOf(db, id, ct), rows[1..]));
    }

    private static async Task<List<GridStaffRow>> StaffOf(AppDbContext db, Guid gridId, CancellationToken ct) =>
        await db.GridStaff.AsNoTracking().Where(s => s.GridId == gridId)
            .Join(db.People.AsNoTracking(), s => s.PersonId, p => p.Id, (s, p) => new { s, p.PhoneMasked })
            .OrderBy(x => x.s.EndedOn != null).ThenBy(x => x.s.Role).ThenBy(x => x.s.Since)
            .Select(x => new GridStaffRow(x.s.Id, x.s.PersonId, x.s.Name, x.s.Role, "", x.PhoneMasked, x.s.Since, x.s.EndedOn))
            .ToListAsync(ct) is var list ? [.. list.Select(r => r with { RoleLabel = GridLabels.Of(r.Role) })] : [];

    // ---- writes --------------------------------------------------------------------------------------------------

    private sealed record Checked(Guid OrgId, string OrgPath, Grid? Parent, GridLevel Level, string Name, string Code, Guid? PartyOrgId,
        int Buildings, int Households, GridShape Shape);

    /// <summary>Everything about a grid that can be checked before the neighbours: fields, organization, parent, boundary.</summary>
    private static async Task<(Checked? Ok, Dictionary<string, string[]> Errors)> CheckInput(GridInput r, Guid? selfId, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string f, string m) => errors.TryAdd(f, [m]);
        var name = r.Name?.Trim() ?? "";
        var code = r.Code?.Trim() ?? "";
        if (name.Length == 0) Add("name", "请填写网格名称");
        else if (name.Length > 100) Add("name", "网格名称不能超过100个字");
        if (code.Length == 0) Add("code", "请填写网格编码");
        else if (code.Length > 40 || !code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')) Add("code", "网格编码只能包含字母、数字、- 和 _，最多40位");
        if (r.Level is null) Add("level", "请选择网格层级");
        if (r.Buildings is < 0 or > 100_000) Add("buildings", "楼栋数应为0至100000");
        if (r.Households is < 0 or > 1_000_000) Add("households", "户数应为0至1000000");
        var (shape, shapeError) = GridShape.Parse(r.Boundary);
        if (shapeError is not null) Add("boundary", shapeError);

        Grid? parent = null;
        Guid orgId = default;
        string orgPath = "";
        if (r.ParentId is { } pid)
        {
            parent = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == pid, ct);
            if (parent is null) Add("parentId", "上级网格不存在或不在您的管辖范围内");
            else if (pid == selfId) Add("parentId", "不能把网格设为自己的下级");
            else { orgId = parent.OrgId; orgPath = parent.OrgPath; }
        }
        else if (r.OrgId is { } oid)
        {
            var org = await db.PartyOrgs.AsNoTracking().Where(o => o.Id == oid).Select(o => new { o.Path, o.Status }).FirstOrDefaultAsync(ct);
            if (org is null) Add("orgId", "所属社区党组织不存在或不在您的管辖范围内");
            else if (org.Status == OrgStatus.Closed) Add("orgId", "所属党组织已撤销");
            else { orgId = oid; orgPath = org.Path; }
        }
        else Add("orgId", "请选择所属社区党组织");
        if (r.Level is { } lv && !errors.ContainsKey("parentId") && !GridLabels.MayContain(parent?.Level, lv))
            Add("level", parent is null ? "直属社区的网格应为一级网格或专属网格" : $"{GridLabels.Of(parent.Level)}下只能设立{(parent.Level == GridLevel.First ? "二级" : "三级")}网格或专属网格");
        if (r.PartyOrgId is { } po)
        {
            var kind = await db.PartyOrgs.AsNoTracking().Where(o => o.Id == po).Select(o => (OrgKind?)o.Kind).FirstOrDefaultAsync(ct);
            if (kind is null) Add("partyOrgId", "网格党组织不存在或不在您的管辖范围内");
            else if (OrgKinds.Level(kind.Value) is not (OrgLevel.Branch or OrgLevel.Group)) Add("partyOrgId", "网格党组织应为党支部或党小组");
        }
        if (code.Length > 0 && !errors.ContainsKey("code"))
        {
            // Codes are unique across the installation (not only the caller's scope): the index enforces it as well.
            var clash = await db.Grids.IgnoreQueryFilters().AnyAsync(g => g.Code == code && !g.IsDeleted && g.Id != selfId, ct);
            if (clash) Add("code", "网格编码已被其他网格使用");
        }
        if (parent is not null && shape is not null && !shape.Within(GridShape.FromWkb(parent.Boundary)))
            Add("boundary", $"边界超出了上级网格「{parent.Name}」的范围");
        if (errors.Count > 0) return (null, errors);
        return (new Checked(orgId, orgPath, parent, r.Level!.Value, name, code, r.PartyOrgId, r.Buildings ?? 0, r.Households ?? 0, shape!), errors);
    }

    /// <summary>The sibling whose interior the shape overlaps, if any (专属网格 overlay ordinary grids and are checked among themselves).</summary>
    private static async Task<string?> OverlappingSibling(AppDbContext db, Checked c, Guid? selfId, CancellationToken ct)
    {
        var dedicated = c.Level == GridLevel.Dedicated;
        var parentId = c.Parent?.Id;
        var siblings = await db.Grids.IgnoreQueryFilters().AsNoTracking()
            .Where(g => !g.IsDeleted && g.Id != selfId && g.ParentId == parentId && (parentId != null || g.OrgId == c.OrgId)
                && (g.Level == GridLevel.Dedicated) == dedicated
                && g.MinLon <= c.Shape.MaxLon && g.MaxLon >= c.Shape.MinLon && g.MinLat <= c.Shape.MaxLat && g.MaxLat >= c.Shape.MinLat)
            .Select(g => new { g.Name, g.Code, g.Boundary }).ToListAsync(ct);
        var hit = siblings.FirstOrDefault(s => c.Shape.Overlaps(GridShape.FromWkb(s.Boundary)));
        return hit is null ? null : $"{hit.Name}（{hit.Code}）";
    }

    public static async Task<Results<Created<GridRow>, ValidationProblem>> Create(GridInput r, AppDbContext db, GridIndex index, CancellationToken ct)
    {
        var (c, errors) = await CheckInput(r, null, db, ct);
        if (c is null) return Problems.Validation(errors);
        if (await OverlappingSibling(db, c, null, ct) is { } other) return Problems.Validation("boundary", $"边界与同级网格「{other}」重叠");
        var g = Grid.Create(c.OrgId, c.OrgPath, c.Parent?.Id, c.Level, c.Name, c.Code, c.PartyOrgId, c.Buildings, c.Households, c.Shape, db.Now);
        db.Grids.Add(g);
        await db.SaveChangesAsync(ct);
        index.Invalidate();
        return TypedResults.Created($"/api/v1/grid/grids/{g.Id}", (await ToRows(db, [g], ct))[0]);
    }

    public static async Task<Results<Ok<GridRow>, NotFound, ValidationProblem, ProblemHttpResult>> Update(Guid id, GridInput r, AppDbContext db, GridIndex index, CancellationToken ct)
    {
        var g = await db.Grids.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (g is null) return TypedResults.NotFound();
        if (r.Version is { } v && v != g.Version) return Problems.Conflict("该网格已被他人修改，请刷新后重试");
        var (c, errors) = await CheckInput(r with { OrgId = r.ParentId is null ? (r.OrgId ?? g.OrgId) : null }, id, db, ct);
        if (c is null) return Problems.Validation(errors);
        if (c.OrgId != g.OrgId) return Problems.Validation("orgId", "网格不能改换所属社区；请删除后在新社区重建");
        if (c.Parent is { } p && (p.Id == id || await IsDescendant(db, p.Id, id, ct))) return Problems.Validation("parentId", "不能把网格移到它自己的下级网格之下");
        if (await OverlappingSibling(db, c, id, ct) is { } other) return Problems.Validation("boundary", $"边界与同级网格「{other}」重叠");
        var children = await db.Grids.AsNoTracking().Where(x => x.ParentId == id).Select(x => new { x.Name, x.Boundary }).ToListAsync(ct);
        var outside = children.FirstOrDefault(ch => !GridShape.FromWkb(ch.Boundary).Within(c.Shape));
        if (outside is not null) return Problems.Validation("boundary", $"下级网格「{outside.Name}」将超出新的边界，请先调整下级网格");
        db.ExpectVersion(g, r.Version);
        g.Update(c.Parent?.Id, c.Level, c.Name, c.Code, c.PartyOrgId, c.Buildings, c.Households, c.Shape, db.Now);
        await db.SaveChangesAsync(ct);
        index.Invalidate();
        return TypedResults.Ok((await ToRows(db, [g], ct))[0]);
    }

    private static async Task<bool> IsDescendant(AppDbContext db, Guid candidate, Guid ancestor, CancellationToken ct)
    {
        Guid? at = candidate;
        for (var guard = 0; at is { } cur && guard < 64; guard++)
        {
            at = await db.Grids.AsNoTracking().Where(g => g.Id == cur).Select(g => g.ParentId).FirstOrDefaultAsync(ct);
            if (at == ancestor) return true;
        }
        return false;
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(Guid id, string? reason, AppDbContext db, GridIndex index, CancellationToken ct)
    {
        var g = await db.Grids.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (g is null) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(reason)) return Problems.Validation("reason", "请填写删除原因");
        if (await db.Grids.AnyAsync(x => x.ParentId == id, ct)) return Problems.Validation("id", "该网格下还有下级网格，请先删除或调整下级网格");
        var openEvents = await db.GridEvents.CountAsync(e => e.GridId == id && EventWorkflow.Open.Contains(e.Status), ct);
        if (openEvents > 0) return Problems.Validation("id", $"该网格还有 {openEvents} 件未办结事件，办结后才能删除");
        g.SoftDelete(reason.Trim()[..Math.Min(reason.Trim().Length, 200)], db.Now);
        await db.SaveChangesAsync(ct);
        index.Invalidate();
        return TypedResults.NoContent();
    }

    // ---- staff ---------------------------------------------------------------------------------------------------

    public static async Task<Results<Created<GridStaffRow>, NotFound, ValidationProblem>> AddStaff(Guid id, GridStaffInput r, AppDbContext db, CancellationToken ct)
    {
        var g = await db.Grids.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (g is null) return TypedResults.NotFound();
        if (r.PersonId is not { } personId) return Problems.Validation("personId", "请选择人员");
        if (r.Role is not { } role) return Problems.Validation("role", "请选择网格职务");
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Name, p.PhoneMasked }).FirstOrDefaultAsync(ct);
        if (person is null) return Problems.Validation("personId", "人员不存在或不在您的管辖范围内");
        if (await db.GridStaff.AnyAsync(s => s.GridId == id && s.PersonId == personId && s.Role == role && s.EndedOn == null, ct))
            return Problems.Validation("personId", $"{person.Name} 已是本网格的{GridLabels.Of(role)}");
        if (role == GridStaffRole.Leader && await db.GridStaff.AnyAsync(s => s.GridId == id && s.Role == GridStaffRole.Leader && s.EndedOn == null, ct))
            return Problems.Validation("role", "本网格已有网格长，请先办理原网格长离任");
        var since = r.Since ?? db.Today;
        if (since > db.Today) return Problems.Validation("since", "任职日期不能晚于今天");
        var s = GridStaff.Create(g, personId, person.Name, role, since, db.Now);
        db.GridStaff.Add(s);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/grid/grids/{id}/staff/{s.Id}",
            new GridStaffRow(s.Id, personId, s.Name, role, GridLabels.Of(role), person.PhoneMasked, since, null));
    }

    public static async Task<Results<NoContent, NotFound>> EndStaff(Guid id, Guid staffId, AppDbContext db, CancellationToken ct)
    {
        var s = await db.GridStaff.FirstOrDefaultAsync(x => x.Id == staffId && x.GridId == id && x.EndedOn == null, ct);
        if (s is null) return TypedResults.NotFound();
        s.End(db.Today);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    // ---- GeoJSON -------------------------------------------------------------------------------------------------

    /// <summary>The grids of a subtree as a GeoJSON FeatureCollection (properties: name, code, level, parentCode, buildings, households).</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> Export(Guid? orgId, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return TypedResults.NotFound();
        var grids = await db.Grids.AsNoTracking().WithinSubtree(db.Scope, path).OrderBy(g => g.OrgPath).ThenBy(g => g.Code).ToListAsync(ct);
        var codes = grids.ToDictionary(g => g.Id, g => g.Code);
        var features = new JsonArray();
        foreach (var g in grids)
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = g.Code,
                ["properties"] = new JsonObject
                {
                    ["name"] = g.Name, ["code"] = g.Code, ["level"] = GridLabels.Of(g.Level),
                    ["parentCode"] = g.ParentId is { } p ? codes.GetValueOrDefault(p) : null,
                    ["orgId"] = g.OrgId.ToString(), ["buildings"] = g.Buildings, ["households"] = g.Households,
                },
                ["geometry"] = JsonNode.Parse(GridShape.FromWkb(g.Boundary).ToGeoJson()),
            });
        var doc = new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
        return TypedResults.Content(doc.ToJsonString(), "application/geo+json; charset=utf-8");
    }

    private static readonly Dictionary<string, GridLevel> LevelNames = new()
    {
        ["一级网格"] = GridLevel.First, ["二级网格"] = GridLevel.Second, ["三级网格"] = GridLevel.Third, ["专属网格"] = GridLevel.Dedicated,
        ["一级"] = GridLevel.First, ["二级"] = GridLevel.Second, ["三级"] = GridLevel.Third, ["专属"] = GridLevel.Dedicated,
        ["First"] = GridLevel.First, ["Second"] = GridLevel.Second, ["Third"] = GridLevel.Third, ["Dedicated"] = GridLevel.Dedicated,
    };

    /// <summary>
    /// Imports a FeatureCollection into one community organization: features are matched to grids by code (created or
    /// updated), parents first. All or nothing: any bad feature is reported with its position and nothing is written.
    /// </summary>
    public static async Task<Results<Ok<GridImportResult>, NotFound, ValidationProblem>> Import(Guid orgId, JsonElement body, AppDbContext db, GridIndex index, CancellationToken ct)
    {
        var orgPath = await OrgReads.VisiblePath(db, orgId, ct);
        if (orgPath is null) return TypedResults.NotFound();
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
            || !body.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            return Problems.Validation("file", "文件应为 GeoJSON FeatureCollection");
        if (features.GetArrayLength() == 0) return Problems.Validation("file", "文件中没有网格要素");
        if (features.GetArrayLength() > 10_000) return Problems.Validation("file", "一次最多导入10000个网格");

        var errors = new Dictionary<string, string[]>();
        var items = new List<(int No, string Code, string? ParentCode, GridInput Input)>();
        var i = 0;
        foreach (var f in features.EnumerateArray())
        {
            i++;
            var props = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            string? Str(string k) => props.ValueKind == JsonValueKind.Object && props.TryGetProperty(k, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number ? v.ToString().Trim() : null;
            int? Int(string k) => int.TryParse(Str(k), out var n) ? n : null;
            var code = Str("code") ?? "";
            var levelText = Str("level");
            GridLevel? level = levelText is not null && LevelNames.TryGetValue(levelText, out var l) ? l : null;
            if (level is null) { errors[$"features[{i}]"] = [$"第{i}个要素（{code}）：层级应为 一级网格/二级网格/三级网格/专属网格"]; continue; }
            JsonElement? geometry = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("geometry", out var geo) ? geo : null;
            items.Add((i, code, Str("parentCode") is { Length: > 0 } pc ? pc : null,
                new GridInput(orgId, null, level, Str("name"), code, null, Int("buildings"), Int("households"), geometry, null)));
        }
        var dupes = items.GroupBy(x => x.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var d in dupes) errors[$"code:{d}"] = [$"编码 {d} 在文件中出现了多次"];

        var existing = await db.Grids.Where(g => g.OrgId == orgId).ToDictionaryAsync(g => g.Code, ct);
        var byCode = items.ToDictionary(x => x.Code, x => x, StringComparer.Ordinal);
        int Depth(string code, int guard = 0) =>
            guard > 8 ? 99 : byCode.TryGetValue(code, out var it) && it.ParentCode is { } pc && byCode.ContainsKey(pc) ? 1 + Depth(pc, guard + 1) : 0;
        var ordered = dupes.Count > 0 ? [] : items.OrderBy(x => Depth(x.Code)).ToList();

        int created = 0, updated = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var item in ordered)
        {
            Guid? parentId = null;
            if (item.ParentCode is { } pc)
            {
                var parent = await db.Grids.FirstOrDefaultAsync(g => g.Code == pc && g.OrgId == orgId, ct);
                if (parent is null) { errors[$"features[{item.No}]"] = [$"第{item.No}个要素（{item.Code}）：上级网格 {pc} 不存在"]; continue; }
                parentId = parent.Id;
            }
            var input = item.Input with { ParentId = parentId, OrgId = parentId is null ? orgId : null };
            var self = existing.GetValueOrDefault(item.Code);
            var (c, fieldErrors) = await CheckInput(input, self?.Id, db, ct);
            if (c is null)
            {
                errors[$"features[{item.No}]"] = [$"第{item.No}个要素（{item.Code}）：{string.Join("；", fieldErrors.Values.SelectMany(v => v))}"];
                continue;
            }
            if (await OverlappingSibling(db, c, self?.Id, ct) is { } other)
            {
                errors[$"features[{item.No}]"] = [$"第{item.No}个要素（{item.Code}）：边界与同级网格「{other}」重叠"];
                continue;
            }
            if (self is null)
            {
                var g = Grid.Create(c.OrgId, c.OrgPath, parentId, c.Level, c.Name, c.Code, null, c.Buildings, c.Households, c.Shape, db.Now);
                db.Grids.Add(g);
                existing[c.Code] = g;
                created++;
            }
            else
            {
                self.Update(parentId, c.Level, c.Name, c.Code, self.PartyOrgId, c.Buildings, c.Households, c.Shape, db.Now);
                updated++;
            }
            await db.SaveChangesAsync(ct);   // inside the transaction: later features see earlier ones (parents, overlaps)
        }
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            return Problems.Validation(errors, $"导入未完成：{errors.Count} 处错误，未写入任何网格");
        }
        await tx.CommitAsync(ct);
        index.Invalidate();
        return TypedResults.Ok(new GridImportResult(created, updated));
    }
}
