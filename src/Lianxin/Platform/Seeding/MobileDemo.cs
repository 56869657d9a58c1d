using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Mobile.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Seeding;

/// <summary>
/// Mobile party members of the demo county: two 流动党支部 at destinations (济南, 上海) with a 流动党小组, about sixty
/// members away (a few pending approval, some overdue, some back home), their reports, 1+N liaisons, contacts,
/// activities on the flow-in side, visits and suggestions; and a login for the 济南 mobile branch (the flow-in side).
/// </summary>
public static class MobileDemo
{
    private sealed record Destination(string Code, string Name, string Street, Guid? FlowIn);

    public static async Task SeedAsync(IServiceProvider sp, DemoSeeder.Generated g, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var today = db.Today;
        var now = db.Now;
        var r = new Random(20261123);
        var root = await db.PartyOrgs.IgnoreQueryFilters().FirstAsync(o => o.Id == g.RootOrgId, ct);

        var jinan = root.AddChild("中共汶上县驻济南流动党员党支部", OrgKind.MobileBranch, now);
        jinan.Update(jinan.Name, jinan.Kind, "370830901", null, "王建国", now);
        var lixia = jinan.AddChild("驻济南历下流动党小组", OrgKind.MobileGroup, now);
        var shanghai = root.AddChild("中共汶上县驻上海流动党员党支部", OrgKind.MobileBranch, now);
        shanghai.Update(shanghai.Name, shanghai.Kind, "370830902", null, "刘志强", now);
        db.PartyOrgs.AddRange(jinan, lixia, shanghai);
        await db.SaveChangesAsync(ct);

        Destination[] places =
        [
            new("370102", "山东省济南市历下区", "泉城路街道", lixia.Id), new("370103", "山东省济南市市中区", "大观园街道", jinan.Id),
            new("310115", "上海市浦东新区", "陆家嘴街道", shanghai.Id), new("370202", "山东省青岛市市南区", "八大关街道", null),
            new("520102", "贵州省贵阳市云岩区", "中华北路街道", null), new("440305", "广东省深圳市南山区", "粤海街道", null),
        ];
        var orgPaths = new Dictionary<Guid, string> { [jinan.Id] = jinan.Path, [lixia.Id] = lixia.Path, [shanghai.Id] = shanghai.Path };

        // The members already categorised 流动党员, and some others away for a while.
        var candidates = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => !m.IsDeleted)
            .OrderBy(m => m.Category == MemberCategory.Mobile ? 0 : 1).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.OrgId, m.OrgPath, m.Category }).Take(2000).ToListAsync(ct);
        var chosen = candidates.Where(c => c.Category == MemberCategory.Mobile)
            .Concat(candidates.Where(c => c.Category != MemberCategory.Mobile).OrderBy(_ => r.Next()).Take(48)).ToList();
        var secretaries = await db.PartyOrgs.IgnoreQueryFilters().AsNoTracking().Where(o => o.SecretaryName != null)
            .ToDictionaryAsync(o => o.Id, o => o.SecretaryName!, ct);
        var neighbours = candidates.ToLookup(c => c.OrgId);

        var episodes = new List<MobileEpisode>();
        var reports = new List<MobileReport>();
        var liaisons = new List<MobileLiaison>();
        var contacts = new List<MobileContact>();
        var activities = new List<MobileActivity>();
        var visits = new List<MobileVisit>();
        var suggestions = new List<MobileSuggestion>();
        string[] reasons = ["在外务工，坚持参加流入地党组织活动", "随子女居住，参加社区志愿服务", "按时参加流动党支部主题党日", "通过微信群参加支部学习"];
        string[] topics = ["关于完善社区养老服务的建议", "加强流动党员线上学习的建议", "家乡特色农产品对接外地市场的建议", "老旧小区加装电梯的建议", "加强外出务工人员权益保障的建议"];
        var i = 0;
        foreach (var m in chosen)
        {
            var place = places[i++ % places.Length];
            var left = today.AddDays(-r.Next(20, 700));
            var e = MobileEpisode.Register(Guid.CreateVersion7(), m.Id, m.Name, m.OrgId, m.OrgPath, "演示数据", now);
            var reason = place.Code.StartsWith("31", StringComparison.Ordinal) || r.Next(3) == 0 ? OutboundReason.Work : (OutboundReason)r.Next(0, 6);
            e.SetDetails(place.Code, place.Name, $"{place.Street}{r.Next(1, 200)}号", reason, null, left, left.AddDays(r.Next(120, 900)), now);
            var phone = $"13{r.Next(0, 10)}{r.Next(10000000, 99999999)}";
            e.SetContact(protector.Encrypt(phone), Mask.Phone(phone), r.Next(2) == 0 ? $"wx_{r.Next(100000, 999999)}" : null, now);
            if (place.FlowIn is { } fi) e.SetFlowIn(fi, orgPaths[fi], now);
            var fate = i % 12;
            if (fate == 0) { episodes.Add(e); continue; } // 待审批
            if (fate == 1) { e.Reject("外出地址不详，请补充后重新报备", "演示数据", now); episodes.Add(e); continue; }
            e.Approve("演示数据", now);
            if (fate == 2 && left < today.AddDays(-60)) e.Return(left.AddDays(r.Next(30, 59)), "已返回原籍", today, now);
            episodes.Add(e);

            var until = e.ReturnedOn ?? today;
            foreach (var period in ReportPeriods.Owed(left, until, today, Modules.OrgLife.Domain.Frequency.Monthly))
                if (r.Next(100) < 85)
                {
                    var start = ReportPeriods.Parse(period, Modules.OrgLife.Domain.Frequency.Monthly)!.Value;
                    reports.Add(MobileReport.File(Guid.CreateVersion7(), e, period, start.AddMonths(1).AddDays(r.Next(0, 5)), reasons[r.Next(reasons.Length)], m.OrgId, "演示数据", now));
                }
            var secretary = secretaries.GetValueOrDefault(m.OrgId);
            if (secretary is not null)
                liaisons.Add(MobileLiaison.Pair(Guid.CreateVersion7(), m.Id, m.Name, m.OrgId, m.OrgPath, null, secretary, LiaisonRole.Secretary, left, now));
            var mate = neighbours[m.OrgId].FirstOrDefault(x => x.Id != m.Id && !chosen.Any(c => c.Id == x.Id));
            if (mate is not null)
                liaisons.Add(MobileLiaison.Pair(Guid.CreateVersion7(), m.Id, m.Name, m.OrgId, m.OrgPath, mate.Id, mate.Name, LiaisonRole.InServiceMember, left, now));
            var lastContact = r.Next(100) < 70 ? today.AddDays(-r.Next(1, 28)) : today.AddDays(-r.Next(35, 150));
            if (lastContact >= left)
                contacts.Add(MobileContact.Log(Guid.CreateVersion7(), e, m.Id, m.Name, m.OrgId, m.OrgPath, null, secretary ?? "支部书记",
                    r.Next(2) == 0 ? ContactChannel.Phone : ContactChannel.WeChat, lastContact, true, "了解在外生活和学习情况，提醒按时报告", m.OrgId, "演示数据", now));
            if (e.CoOrgId is { } co && e.Status == EpisodeStatus.Approved)
                for (var k = 0; k < 3; k++)
                {
                    var on = today.AddDays(-r.Next(5, 150));
                    if (on >= left) activities.Add(MobileActivity.Record(Guid.CreateVersion7(), e, k == 0 ? ActivityKind.Volunteer : ActivityKind.OrgLife, on,
                        k == 0 ? "参加流入地社区志愿服务" : "参加流动党支部主题党日", co, "演示数据", now));
                }
            var visitsThisYear = r.Next(0, 3);
            for (var k = 0; k < visitsThisYear; k++)
            {
                var on = new DateOnly(today.Year, 1, 1).AddDays(r.Next(0, today.DayOfYear));
                var v = MobileVisit.Record(Guid.CreateVersion7(), e, m.Id, m.Name, m.OrgId, m.OrgPath, m.OrgId, "演示数据", now);
                var raised = r.Next(100) < 25 ? 1 : 0;
                v.Set(k == 0 && on.Month <= 2 ? VisitKind.Holiday : VisitKind.Routine, on, secretary ?? "支部书记", "了解身体和生活情况",
                    raised > 0 ? "反映医保异地报销手续繁琐" : null, raised, raised > 0 && r.Next(2) == 0 ? 1 : 0, now);
                visits.Add(v);
            }
            if (r.Next(100) < 25)
                suggestions.Add(MobileSuggestion.File(Guid.CreateVersion7(), e, m.Id, m.Name, m.OrgId, m.OrgPath,
                    new DateOnly(today.Year, 1, 1).AddDays(r.Next(0, today.DayOfYear)), (SuggestionArea)r.Next(0, 5), topics[r.Next(topics.Length)],
                    "结合在外地的见闻，建议家乡参照外地做法，进一步改进相关工作。", m.OrgId, "演示数据", now));
        }

        var bulk = new BulkWriter(db);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await bulk.InsertAsync(episodes, ct);
            await bulk.InsertAsync(reports, ct);
            await bulk.InsertAsync(liaisons, ct);
            await bulk.InsertAsync(contacts, ct);
            await bulk.InsertAsync(activities, ct);
            await bulk.InsertAsync(visits, ct);
            await bulk.InsertAsync(suggestions, ct);
            await tx.CommitAsync(ct);
        }
        db.Audit(AuditActions.Create, "演示数据", null,
            $"生成流动党员演示数据：{episodes.Count} 条外出报备、{reports.Count} 份履责报告、{visits.Count} 次走访、{suggestions.Count} 条建言");
        await db.SaveChangesAsync(ct);

        // A clerk of the 济南 mobile branch: the flow-in side.
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var u = new AppUser { Id = Guid.CreateVersion7(), UserName = "liudong", DisplayName = "王建国", OrgId = jinan.Id, CreatedAt = now, LockoutEnabled = true };
        var created = await users.CreateAsync(u, DemoSeeder.DemoPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(x => x.Description)));
        await users.AddToRoleAsync(u, Roles.Staff);
        DemoSeeder.AddLogin(new DemoSeeder.DemoLogin("liudong", "王建国", Roles.Staff, jinan.Name));
    }
}
