using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Grids.Features;

/// <summary>The configurable parts of grid governance: the event category tree, handling units, and the settings.</summary>
public static class CatalogFeatures
{
    /// <summary>The default tree, created once when the table is empty (an administrator edits it from there).</summary>
    internal static readonly (string Code, string Name, int Hours, (string Code, string Name, int Hours)[] Children)[] Defaults =
    [
        ("HJWS", "环境卫生", 48, [("HJWS-01", "乱堆乱放", 48), ("HJWS-02", "垃圾清运不及时", 24), ("HJWS-03", "污水外溢", 24)]),
        ("MDJF", "矛盾纠纷", 72, [("MDJF-01", "邻里纠纷", 72), ("MDJF-02", "物业纠纷", 120), ("MDJF-03", "家庭矛盾", 72)]),
        ("AQYH", "安全隐患", 24, [("AQYH-01", "消防通道堵塞", 12), ("AQYH-02", "电动车违规充电", 12), ("AQYH-03", "危房及设施损坏", 24)]),
        ("MSSQ", "民生诉求", 120, [("MSSQ-01", "社会救助", 120), ("MSSQ-02", "养老服务", 120), ("MSSQ-03", "就业帮扶", 168)]),
        ("CSGL", "城市管理", 48, [("CSGL-01", "占道经营", 24), ("CSGL-02", "路灯损坏", 72), ("CSGL-03", "违章搭建", 168)]),
    ];

    public static async Task EnsureDefaults(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.EventCategories.AnyAsync(ct)) return;
        var order = 0;
        foreach (var (code, name, hours, children) in Defaults)
        {
            var root = EventCategory.Create(null, code, name, null, hours, order++, db.Now);
            db.EventCategories.Add(root);
            var i = 0;
            foreach (var c in children) db.EventCategories.Add(EventCategory.Create(root.Id, c.Code, c.Name, null, c.Hours, i++, db.Now));
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Ok<List<CategoryRow>>> Categories(bool? all, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.EventCategories.AsNoTracking().Where(c => all == true || c.IsActive).OrderBy(c => c.ParentId != null).ThenBy(c => c.SortOrder)
            .Select(c => new CategoryRow(c.Id, c.ParentId, c.Code, c.Name, c.Description, c.TimeLimitHours, c.SortOrder, c.IsActive)).ToListAsync(ct));

    private static Dictionary<string, string[]> CheckCategory(CategoryInput r, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["请填写分类名称"];
        else if (name.Length > 50) errors["name"] = ["分类名称不能超过50个字"];
        if (creating)
        {
            var code = r.Code?.Trim() ?? "";
            if (code.Length == 0 || code.Length > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                errors["code"] = ["分类编码只能包含字母、数字、- 和 _，最多40位"];
        }
        if (r.TimeLimitHours is not (>= 1 and <= 24 * 90)) errors["timeLimitHours"] = ["办理时限应为1小时至2160小时（90天）"];
        if (r.Description?.Trim().Length > 200) errors["description"] = ["说明不能超过200个字"];
        return errors;
    }

    public static async Task<Results<Created<CategoryRow>, ValidationProblem>> CreateCategory(CategoryInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = CheckCategory(r, true);
        if (r.ParentId is { } pid)
        {
            var parent = await db.EventCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == pid, ct);
            if (parent is null) errors["parentId"] = ["上级分类不存在"];
            else if (parent.ParentId is not null) errors["parentId"] = ["分类最多两级"];
        }
        if (!errors.ContainsKey("code") && await db.EventCategories.AnyAsync(c => c.Code == r.Code!.Trim(), ct)) errors["code"] = ["分类编码已存在"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var c = EventCategory.Create(r.ParentId, r.Code!.Trim(), r.Name!.Trim(), r.Description?.Trim(), r.TimeLimitHours!.Value, r.SortOrder ?? 0, db.Now);
        db.EventCategories.Add(c);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/grid/categories/{c.Id}", new CategoryRow(c.Id, c.ParentId, c.Code, c.Name, c.Description, c.TimeLimitHours, c.SortOrder, c.IsActive));
    }

    public static async Task<Results<Ok<CategoryRow>, NotFound, ValidationProblem>> UpdateCategory(Guid id, CategoryInput r, AppDbContext db, CancellationToken ct)
    {
        var c = await db.EventCategories.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.NotFound();
        var errors = CheckCategory(r, false);
        if (errors.Count > 0) return Problems.Validation(errors);
        c.Update(r.Name!.Trim(), r.Description?.Trim(), r.TimeLimitHours!.Value, r.SortOrder ?? c.SortOrder, r.IsActive ?? c.IsActive, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CategoryRow(c.Id, c.ParentId, c.Code, c.Name, c.Description, c.TimeLimitHours, c.SortOrder, c.IsActive));
    }

    // ---- handling units ------------------------------------------------------------------------------------------------

    /// <summary>Units a clerk can see and dispatch to: those registered in the subtree, plus, with forEvent, those at any level above the event.</summary>
    public static async Task<Results<Ok<List<HandlingUnitRow>>, NotFound>> Units(Guid? orgId, Guid? forEvent, AppDbContext db, CancellationToken ct)
    {
        List<HandlingUnit> units;
        if (forEvent is { } eid)
        {
            var path = await db.GridEvents.AsNoTracking().Where(e => e.Id == eid).Select(e => e.OrgPath).FirstOrDefaultAsync(ct);
            if (path is null) return TypedResults.NotFound();
            var all = await db.HandlingUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(u => u.IsActive).ToListAsync(ct);
            units = [.. all.Where(u => path.StartsWith(u.OrgPath, StringComparison.Ordinal)).OrderByDescending(u => u.OrgPath.Length).ThenBy(u => u.Name)];
        }
        else
        {
            var path = await OrgReads.SubtreePath(db, orgId, ct);
            if (path is null) return TypedResults.NotFound();
            // The subtree's own units, and those registered above it that serve it (a county department for a street clerk).
            var inTree = await db.HandlingUnits.AsNoTracking().WithinSubtree(db.Scope, path).ToListAsync(ct);
            var above = (await db.HandlingUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().ToListAsync(ct))
                .Where(u => u.OrgPath != path && path.StartsWith(u.OrgPath, StringComparison.Ordinal));
            units = [.. above.Concat(inTree).OrderBy(u => u.OrgPath.Length).ThenBy(u => u.OrgPath, StringComparer.Ordinal).ThenBy(u => u.Name)];
        }
        var names = await EventFeatures.OrgNamesAnyScope(db, units.Select(u => u.OrgId), ct);
        return TypedResults.Ok(units.Select(u => Row(u, names, db)).ToList());
    }

    private static HandlingUnitRow Row(HandlingUnit u, Dictionary<Guid, string> names, AppDbContext db) =>
        new(u.Id, u.OrgId, names.GetValueOrDefault(u.OrgId, ""), u.Name, u.Kind, EventLabels.Of(u.Kind), u.Contact, u.IsActive, db.Scope.Contains(u.OrgPath));

    private static Dictionary<string, string[]> CheckUnit(HandlingUnitInput r)
    {
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["请填写单位名称"];
        else if (name.Length > 100) errors["name"] = ["单位名称不能超过100个字"];
        if (r.Kind is null) errors["kind"] = ["请选择单位类型"];
        if (r.Contact?.Trim().Length > 100) errors["contact"] = ["联系方式不能超过100个字"];
        return errors;
    }

    public static async Task<Results<Created<HandlingUnitRow>, ValidationProblem>> CreateUnit(HandlingUnitInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = CheckUnit(r);
        var orgId = r.OrgId ?? db.Scope.RootOrgId;
        var path = orgId is { } o ? await OrgReads.VisiblePath(db, o, ct) : null;
        if (path is null) errors["orgId"] = ["请选择单位登记的党组织（街道或区县）"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var u = HandlingUnit.Create(orgId!.Value, path!, r.Name!.Trim(), r.Kind!.Value, r.Contact?.Trim(), db.Now);
        db.HandlingUnits.Add(u);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/grid/handling-units/{u.Id}", Row(u, await MemberReads.OrgNames(db, [u.OrgId], ct), db));
    }

    public static async Task<Results<Ok<HandlingUnitRow>, NotFound, ValidationProblem>> UpdateUnit(Guid id, HandlingUnitInput r, AppDbContext db, CancellationToken ct)
    {
        var u = await db.HandlingUnits.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (u is null) return TypedResults.NotFound();
        var errors = CheckUnit(r);
        if (errors.Count > 0) return Problems.Validation(errors);
        u.Update(r.Name!.Trim(), r.Kind!.Value, r.Contact?.Trim(), r.IsActive ?? u.IsActive);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Row(u, await MemberReads.OrgNames(db, [u.OrgId], ct), db));
    }

    // ---- settings ------------------------------------------------------------------------------------------------------

    private static GridSettingsView View(GridSettings s) =>
        new(s.RateDecimals, s.RateRounding, s.NearestGridMetres, s.MaxPhotoMegabytes, s.MaxPhotosPerEvent, s.SatisfiedFromStars);

    public static async Task<Ok<GridSettingsView>> GetSettings(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(View(await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct)));

    public static async Task<Results<Ok<GridSettingsView>, ValidationProblem>> UpdateSettings(GridSettingsInput r, AppDbContext db, CancellationToken ct)
    {
        var s = await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct);
        var errors = new Dictionary<string, string[]>();
        if (r.RateDecimals is { } d) { if (d is < 0 or > 4) errors["rateDecimals"] = ["小数位数应为0至4"]; else s.RateDecimals = d; }
        if (r.RateRounding is { } rr) s.RateRounding = rr;
        if (r.NearestGridMetres is { } m) { if (m is < 0 or > 50_000) errors["nearestGridMetres"] = ["就近归属距离应为0至50000米"]; else s.NearestGridMetres = m; }
        if (r.MaxPhotoMegabytes is { } mb) { if (mb is < 1 or > 50) errors["maxPhotoMegabytes"] = ["照片大小上限应为1至50 MB"]; else s.MaxPhotoMegabytes = mb; }
        if (r.MaxPhotosPerEvent is { } n) { if (n is < 1 or > 100) errors["maxPhotosPerEvent"] = ["每件事件照片数应为1至100"]; else s.MaxPhotosPerEvent = n; }
        if (r.SatisfiedFromStars is { } st) { if (st is < 1 or > 5) errors["satisfiedFromStars"] = ["满意星级应为1至5"]; else s.SatisfiedFromStars = st; }
        if (errors.Count > 0) return Problems.Validation(errors);
        await SettingsStore.Write(db, GridSettings.Key, s, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(s));
    }
}
