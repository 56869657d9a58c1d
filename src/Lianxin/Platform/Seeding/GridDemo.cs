using System.Text.Json;
using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Grids.Features;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Seeding;

/// <summary>
/// Grid governance of the demo county: every community split into first-level grids (boundaries laid out on a lattice
/// around 汶上县城, each tied to its 网格党支部), second-level grids in the first community, grid staff, handling units at
/// county and street level, about four hundred events of this year in every state (some overdue and escalated),
/// mediation cases, inspections with findings, and a grid worker's login.
/// </summary>
public static class GridDemo
{
    private const double Lon0 = 116.40, Lat0 = 35.66, Cell = 0.02;

    private static JsonElement Rect(double lon, double lat, double w, double h) => JsonSerializer.SerializeToElement(new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + w, lat }, new[] { lon + w, lat + h }, new[] { lon, lat + h }, new[] { lon, lat } } },
    });

    private static GridShape Shape(double lon, double lat, double w, double h) =>
        GridShape.Parse(Rect(Math.Round(lon, 6), Math.Round(lat, 6), Math.Round(w, 6), Math.Round(h, 6))).Shape
        ?? throw new InvalidOperationException("demo boundary invalid");

    public static async Task SeedAsync(IServiceProvider sp, DemoSeeder.Generated g, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var r = new Random(20261201);
        var now = db.Now;
        await CatalogFeatures.EnsureDefaults(db, ct);
        var orgs = await db.PartyOrgs.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        // 汶上街道 and 中都街道 (the demo clerks' streets) first, so that the first community, its second-level grids and the
        // grid worker's login all sit where `staff` works.
        var streets = orgs.Where(o => o.ParentId == g.RootOrgId && o.Kind is OrgKind.WorkingCommittee or OrgKind.PartyCommittee)
            .OrderBy(o => o.Id == g.FirstStreetOrgId ? 0 : o.Id == g.SecondStreetOrgId ? 1 : 2).ThenBy(o => o.Path, StringComparer.Ordinal).ToList();
        var byParent = orgs.ToLookup(o => o.ParentId);

        // ---- grids: a street is a 2 × 2 block of community cells; each community cell is cut into vertical strips.
        var grids = new List<Grid>();
        var gridsByCommunity = new Dictionary<Guid, List<Grid>>();
        for (var s = 0; s < streets.Count; s++)
        {
            var (sx, sy) = (s % 4, s / 4);
            var communities = byParent[streets[s].Id].Where(o => o.Name.EndsWith("社区委员会", StringComparison.Ordinal)).OrderBy(o => o.Path).ToList();
            for (var c = 0; c < communities.Count && c < 4; c++)
            {
                var community = communities[c];
                var lon = Lon0 + (sx * 2 + c % 2) * Cell * 1.05;
                var lat = Lat0 + (sy * 2 + c / 2) * Cell * 1.05;
                var branches = byParent[community.Id].Where(o => o.Kind == OrgKind.GridBranch).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
                var n = Math.Max(1, branches.Count);
                var list = new List<Grid>();
                for (var i = 0; i < n; i++)
                {
                    var name = branches.Count > i ? branches[i].Name.Replace("党支部", "", StringComparison.Ordinal).Replace(community.Name.Replace("中共", "").Replace("委员会", ""), "", StringComparison.Ordinal) : "第一网格";
                    var code = $"370830-{s + 1:00}{c + 1:0}{i + 1:00}";
                    var grid = Grid.Create(community.Id, community.Path, null, GridLevel.First,
                        community.Name.Replace("中共", "", StringComparison.Ordinal).Replace("委员会", "", StringComparison.Ordinal) + name, code,
                        branches.Count > i ? branches[i].Id : null, 8 + r.Next(12), 260 + r.Next(400), Shape(lon + i * Cell / n, lat, Cell / n, Cell), now);
                    grids.Add(grid);
                    list.Add(grid);
                }
                gridsByCommunity[community.Id] = list;
            }
        }
        // Second-level grids inside the first community's first grid (a 一级 grid split in north and south halves).
        var first = grids[0];
        var w = first.MaxLon - first.MinLon;
        var h = first.MaxLat - first.MinLat;
        var south = Grid.Create(first.OrgId, first.OrgPath, first.Id, GridLevel.Second, first.Name + "南片", first.Code + "-1", null, 5, 150,
            Shape(first.MinLon, first.MinLat, w, h / 2), now);
        var north = Grid.Create(first.OrgId, first.OrgPath, first.Id, GridLevel.Second, first.Name + "北片", first.Code + "-2", null, 5, 140,
            Shape(first.MinLon, first.MinLat + h / 2, w, h / 2), now);
        grids.AddRange([south, north]);
        db.Grids.AddRange(grids);
        await db.SaveChangesAsync(ct);

        // ---- grid staff: people of each community serve as 网格长 and 网格员.
        var people = await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => !p.IsDeleted).Select(p => new { p.Id, p.Name, p.OrgPath })
            .OrderBy(p => p.Id).Take(20000).ToListAsync(ct);
        foreach (var grid in grids.Where(x => x.Level == GridLevel.First))
        {
            var local = people.Where(p => p.OrgPath.StartsWith(grid.OrgPath, StringComparison.Ordinal)).Skip(r.Next(0, 5)).Take(3).ToList();
            var roles = new[] { GridStaffRole.Leader, GridStaffRole.FullTime, GridStaffRole.HouseholdHead };
            for (var i = 0; i < local.Count; i++)
                db.GridStaff.Add(GridStaff.Create(grid, local[i].Id, local[i].Name, roles[i], new DateOnly(2024, 3, 1).AddDays(r.Next(600)), now));
        }

        // ---- handling units: county departments (部门报到) and street-level units, some 双报到 units.
        var units = new List<HandlingUnit>();
        var root = orgs.First(o => o.Id == g.RootOrgId);
        foreach (var name in new[] { "县综合行政执法局", "县住房和城乡建设局", "县市场监督管理局", "县应急管理局", "县民政局" })
            units.Add(HandlingUnit.Create(root.Id, root.Path, name, HandlingUnitKind.Department, null, now));
        foreach (var street in streets.Take(4))
        {
            var short2 = street.Name.Replace("中共", "").Replace("工作委员会", "").Replace("委员会", "");
            units.Add(HandlingUnit.Create(street.Id, street.Path, $"{short2}综合执法中队", HandlingUnitKind.Department, null, now));
            units.Add(HandlingUnit.Create(street.Id, street.Path, $"{short2}派出所", HandlingUnitKind.PairedUnit, null, now));
            units.Add(HandlingUnit.Create(street.Id, street.Path, $"{short2}供电所", HandlingUnitKind.PairedUnit, null, now));
        }
        db.HandlingUnits.AddRange(units);
        await db.SaveChangesAsync(ct);

        // ---- events of this year, in every state.
        var categories = await db.EventCategories.AsNoTracking().Where(c => c.ParentId != null).ToListAsync(ct);
        var descriptions = new Dictionary<string, string[]>
        {
            ["HJWS"] = ["小区东门外建筑垃圾堆放多日", "楼道内堆放杂物影响通行", "垃圾桶满溢未及时清运", "雨水井堵塞污水外溢"],
            ["MDJF"] = ["楼上漏水与楼下住户发生争执", "因停车位问题邻里发生口角", "物业费收取标准引发业主不满"],
            ["AQYH"] = ["消防通道被私家车占用", "电动车在楼道内充电", "小区围墙出现裂缝有倒塌风险"],
            ["MSSQ"] = ["独居老人申请助餐服务", "困难家庭咨询临时救助", "失业人员求职登记"],
            ["CSGL"] = ["路口流动摊贩占道经营", "路灯不亮影响夜间出行", "沿街商户违规搭建雨棚"],
        };
        var codes = categories.ToDictionary(c => c.Id, c => c.Code[..4]);
        var firstGrids = grids.Where(x => x.Level != GridLevel.Second).ToList();
        var start = new DateTime(now.Year, 1, 2, 1, 0, 0, DateTimeKind.Utc);
        var span = Math.Max(1, (now - start).TotalHours - 2);
        var events = new List<GridEvent>();
        var steps = new List<EventStep>();
        var seq = 0;
        for (var i = 0; i < 420; i++)
        {
            var grid = i % 7 == 0 ? first : firstGrids[r.Next(firstGrids.Count)];
            var c = categories[r.Next(categories.Count)];
            var reportedAt = start.AddHours(span * Math.Pow(r.NextDouble(), 0.7));
            var lon = grid.MinLon + (grid.MaxLon - grid.MinLon) * (0.1 + 0.8 * r.NextDouble());
            var lat = grid.MinLat + (grid.MaxLat - grid.MinLat) * (0.1 + 0.8 * r.NextDouble());
            var owner = grid.Id == first.Id ? (lat < first.MinLat + h / 2 ? south : north) : grid;
            var texts = descriptions[codes[c.Id]];
            var e = GridEvent.Report($"{ChinaTime.DateOf(reportedAt):yyyyMMdd}-D{++seq:D5}", c, c.ParentId!.Value, (EventNetwork)r.Next(0, 5),
                texts[r.Next(texts.Length)], Math.Round(lon, 6), Math.Round(lat, 6), null, (owner.OrgId, owner.OrgPath, owner.Id, owner.Name, false),
                r.Next(4) == 0 ? ReporterKind.Resident : ReporterKind.GridStaff, r.Next(4) == 0 ? "热心居民" : "网格员", null, null, reportedAt);
            void Step(string action, EventStatus? from, DateTime at, string? note = null, string? detail = null) =>
                steps.Add(EventStep.Of(e, action, from, action == "escalate" ? "系统" : action is "start" or "progress" or "feedback" ? "承办单位" : "社区网格中心", null, at, note, detail));
            Step("report", null, reportedAt, null, $"自动分派至网格：{owner.Name}");
            var age = (now - reportedAt).TotalHours;
            var fate = r.NextDouble();
            var t = reportedAt;
            if (fate < 0.02 || age < 2) { events.Add(e); continue; }                                  // 待研判
            if (fate < 0.04) { Step("reject", e.Apply(EventAction.Reject, t = t.AddHours(1), "非本辖区事务，已告知"), t, "非本辖区事务，已告知"); events.Add(e); continue; }
            Step("accept", e.Apply(EventAction.Accept, t = t.AddHours(1)), t);
            if (age < 6) { events.Add(e); continue; }
            var unit = r.Next(3) == 0 ? null : units[r.Next(units.Count)];
            var allowedUnit = unit is not null && owner.OrgPath.StartsWith(unit.OrgPath, StringComparison.Ordinal) ? unit : null;
            var deadline = t.AddHours(c.TimeLimitHours);
            var unitName = allowedUnit?.Name ?? $"{owner.Name}（网格自办）";
            Step("dispatch", e.Dispatch(allowedUnit?.Id, unitName, deadline, t = t.AddHours(1)), t, null, $"承办：{unitName}；时限 {c.TimeLimitHours} 小时");
            var late = r.NextDouble() < 0.08;
            var handleHours = late ? c.TimeLimitHours * (1.1 + r.NextDouble()) : c.TimeLimitHours * (0.1 + 0.8 * r.NextDouble());
            Step("start", e.Apply(EventAction.Start, t = t.AddHours(0.5)), t);
            if (t.AddHours(handleHours) > now || r.NextDouble() < 0.03)
            {
                if (deadline < now) { e.Escalate(orgs.First(o => o.Id == owner.OrgId).ParentId ?? owner.OrgId, deadline.AddMinutes(5)); Step("escalate", e.Status, deadline.AddMinutes(5), null, "超过办理时限，已上报上一级党组织"); }
                events.Add(e);
                continue;
            }
            if (late) { e.Escalate(orgs.First(o => o.Id == owner.OrgId).ParentId ?? owner.OrgId, deadline.AddMinutes(5)); Step("escalate", e.Status, deadline.AddMinutes(5), null, "超过办理时限，已上报上一级党组织"); }
            Step("progress", e.Apply(EventAction.Progress, t = t.AddHours(handleHours / 2)), t, "已到现场查看，正在协调处置");
            Step("feedback", e.Apply(EventAction.Feedback, t = t.AddHours(handleHours / 2)), t, "已处置完毕");
            if (t.AddHours(4) > now) { events.Add(e); continue; }
            if (r.NextDouble() < 0.06)
            {
                Step("fail", e.Apply(EventAction.Fail, t = t.AddHours(2), "现场仍有问题，请继续处置"), t, "现场仍有问题，请继续处置");
                Step("feedback", e.Apply(EventAction.Feedback, t = t.AddHours(6)), t, "已再次处置");
            }
            Step("pass", e.Apply(EventAction.Pass, t = t.AddHours(3)), t, "现场核查通过");
            if (r.NextDouble() < 0.6 && t.AddHours(24) < now)
            {
                var stars = r.NextDouble() < 0.85 ? 5 : r.Next(2, 5);
                e.Rate(stars, stars == 5 ? "处理及时，非常满意" : "基本满意", t = t.AddHours(20));
                Step("rate", e.Status, t, null, $"{stars} 星");
            }
            events.Add(e);
        }
        db.GridEvents.AddRange(events);
        db.EventSteps.AddRange(steps);
        await db.SaveChangesAsync(ct);

        // ---- 矛盾纠纷调解 (a retired-cadre 和事佬 team) and inspections with findings.
        var firstStreetCommunities = gridsByCommunity.Keys.Take(4).ToList();
        for (var i = 0; i < 24; i++)
        {
            var orgId = firstStreetCommunities[i % firstStreetCommunities.Count];
            var org = orgs.First(o => o.Id == orgId);
            var accepted = ChinaTime.DateOf(now).AddDays(-r.Next(5, 300));
            var mc = MediationCase.Create(org.Id, org.Path, null, new[] { "邻里漏水纠纷", "宅基地边界纠纷", "赡养老人纠纷", "停车位纠纷", "噪音扰民纠纷" }[i % 5],
                [ChineseNames.Person(r, true) + "（申请人）", ChineseNames.Person(r, false) + "（被申请人）"], ChineseNames.Person(r, true), "银发和事佬调解队", accepted, now);
            mc.AddSession(accepted.AddDays(2), "社区调解室", "双方陈述事实，调解员释法明理");
            if (i % 6 != 5) mc.Conclude(i % 12 == 3 ? MediationOutcome.Failure : i % 12 == 7 ? MediationOutcome.Transferred : MediationOutcome.Success, accepted.AddDays(5), null);
            db.MediationCases.Add(mc);
        }
        foreach (var grid in firstGrids.Take(6))
        {
            var on = ChinaTime.DateOf(now).AddDays(-r.Next(3, 40));
            var ins = Inspection.Schedule(grid, InspectionKind.JointWeekly, on, "街道、社区、物业、网格员", "每周联合检查", now);
            var f1 = ins.AddFinding("楼道堆放杂物", null, on.AddDays(7), on);
            ins.AddFinding("消防通道被占用", null, on.AddDays(3), on);
            if (on.AddDays(5) <= ChinaTime.DateOf(now)) f1.Recheck(false, null, "仍有杂物未清", on.AddDays(5), on.AddDays(14));
            db.Inspections.Add(ins);
        }
        db.Audit(AuditActions.Create, "演示数据", null, $"生成网格治理演示数据：{grids.Count} 个网格、{events.Count} 件事件");
        await db.SaveChangesAsync(ct);

        // ---- a grid worker of the first community.
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var u = new AppUser { Id = Guid.CreateVersion7(), UserName = "wangge", DisplayName = "孙网格", OrgId = first.OrgId, CreatedAt = now, LockoutEnabled = true };
        var created = await users.CreateAsync(u, DemoSeeder.DemoPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(x => x.Description)));
        await users.AddToRoleAsync(u, Roles.GridWorker);
        DemoSeeder.AddLogin(new DemoSeeder.DemoLogin("wangge", "孙网格", Roles.GridWorker, orgs.First(o => o.Id == first.OrgId).Name));
        sp.GetRequiredService<GridIndex>().Invalidate();
    }
}
