using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Modules.OrgLife.Features;
using Lianxin.Platform.Access;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Seeding;

/// <summary>
/// Organizational life of the demo county this year: 三会一课 records of every branch (mostly on time; a fifth of
/// the branches fall behind, so the compliance table has something to show), the
/// county's 主题党日 plan with the branches' records, a few 50-year medals, and a branch clerk's login.
/// Deterministic; written in bulk like the rest of the demo data, with one audit entry.
/// </summary>
public static class OrgLifeDemo
{
    private static readonly string[] Topics =
    [
        "传达学习上级会议精神", "研究发展党员工作", "部署本月重点工作", "学习党章党规", "讨论党员积分管理", "研究困难党员帮扶",
        "学习党的二十届四中全会精神", "研究网格治理事项", "讨论志愿服务安排", "开展批评与自我批评",
    ];
    private static readonly string[] Lectures = ["弘扬伟大建党精神", "党的自我革命", "中央八项规定精神", "基层治理与党员作用", "红色家风传承"];
    private static readonly string[] Absences = ["因病", "因公外出", "外出务工", "年老体弱", "照顾家人"];
    private static readonly string[] Themes =
    [
        "新春走访慰问老党员", "学习全国两会精神", "学雷锋志愿服务", "清明祭英烈", "劳动创造幸福", "重温入党誓词",
        "七一庆祝建党", "国防教育与双拥", "廉洁文化进社区", "国庆爱国主义教育", "银龄先锋在行动", "年终组织生活会准备",
    ];

    public static async Task SeedAsync(IServiceProvider sp, DemoSeeder.Generated g, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var today = db.Today;
        var now = db.Now;
        var r = new Random(20261122);
        var bulk = new BulkWriter(db);
        var orgs = await db.PartyOrgs.IgnoreQueryFilters().AsNoTracking().Where(o => o.Status == OrgStatus.Active).ToListAsync(ct);
        var root = orgs.First(o => o.Id == g.RootOrgId);
        var branches = orgs.Where(o => OrgLifeOrgs.IsBranch(o.Kind)).OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
        var groupsOf = orgs.Where(o => OrgLifeOrgs.GroupKinds.Contains(o.Kind) && o.ParentId is not null).ToLookup(o => o.ParentId!.Value);
        var members = (await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => !m.IsDeleted)
            .Select(m => new { m.Id, m.Name, m.OrgPath, m.JoinedOn, m.FullMemberOn, m.OrgId, m.Status }).ToListAsync(ct));

        var meetings = new List<Meeting>();
        var attendance = new List<MeetingAttendance>();
        var current = YearMonth.Of(today);
        foreach (var b in branches)
        {
            var roster = members.Where(m => m.OrgPath.StartsWith(b.Path, StringComparison.Ordinal)).ToList();
            if (roster.Count == 0) continue;
            var diligence = r.Next(100) < 20 ? 65 : 98; // a fifth of the branches are behind
            var host = b.SecretaryName ?? roster[0].Name;
            for (var m = new YearMonth(today.Year, 1); m <= current; m = m.Next)
            {
                var last = m == current ? today.Day : m.Last.Day;
                void Hold(MeetingKind kind, string topic, Guid? group, IReadOnlyList<(Guid Id, string Name)> list)
                {
                    var day = r.Next(1, last + 1);
                    var meeting = Meeting.Create(Guid.CreateVersion7(), b.Id, b.Path, kind, now);
                    meeting.Describe(group, new DateOnly(m.Year, m.Month, day), new TimeOnly(r.Next(8, 16), r.Next(2) * 30), null, "社区党群服务中心",
                        host, topic, $"会议由{host}主持，{topic}。与会党员围绕议题逐一发言，形成一致意见。", now);
                    meeting.SetAttendance(list.Select(x =>
                    {
                        var present = r.Next(100) < 88;
                        return new MeetingAttendance(meeting.Id, x.Id, x.Name, present, present ? null : Absences[r.Next(Absences.Length)]);
                    }), now);
                    meeting.Submit("演示数据", now);
                    meetings.Add(meeting);
                    attendance.AddRange(meeting.Attendance);
                }
                var all = roster.Select(x => (x.Id, x.Name)).ToList();
                if (r.Next(100) < diligence) Hold(MeetingKind.CommitteeMeeting, Topics[r.Next(Topics.Length)], null, all.Take(Math.Min(5, all.Count)).ToList());
                foreach (var grp in groupsOf[b.Id])
                    if (r.Next(100) < diligence - 5)
                        Hold(MeetingKind.GroupMeeting, Topics[r.Next(Topics.Length)], grp.Id, [.. roster.Where(x => x.OrgId == grp.Id).Select(x => (x.Id, x.Name))]);
                if (m.Month % 3 == 2 || m == current)
                {
                    if (r.Next(100) < diligence) Hold(MeetingKind.GeneralMeeting, Topics[r.Next(Topics.Length)], null, all);
                    if (r.Next(100) < diligence) Hold(MeetingKind.PartyLecture, "专题党课：" + Lectures[r.Next(Lectures.Length)], null, all);
                }
            }
        }
        // Empty group meetings (a group without members) are not real records.
        meetings.RemoveAll(x => x.ExpectedCount == 0);

        // The county's themed-day plan for the year, published, and the branches' records up to last month.
        var plan = ThemedDayPlan.Create(Guid.CreateVersion7(), root.Id, root.Path, today.Year, now);
        plan.Describe($"{today.Year}年主题党日活动计划", ["重温入党誓词", "过政治生日", "学习党章党规"],
            Enumerable.Range(1, 12).Select(i => (i, Themes[i - 1], (string?)"支部书记领学，党员交流发言；结合本月主题开展一次志愿服务。")), now);
        plan.Publish(now);
        var records = new List<ThemedDayRecord>();
        foreach (var b in branches)
            for (var month = 1; month <= current.Month; month++)
            {
                if (month == current.Month && r.Next(100) < 50 || r.Next(100) < 12) continue;
                var rec = ThemedDayRecord.Create(Guid.CreateVersion7(), plan.Id, month, b.Id, b.Path, now);
                var day = r.Next(1, (month == current.Month ? today.Day : new YearMonth(today.Year, month).Last.Day) + 1);
                var parts = r.Next(100) < 85 ? plan.RequiredParts : plan.RequiredParts.Take(2).ToList();
                rec.Describe(new DateOnly(today.Year, month, day), "社区党群服务中心", $"围绕“{Themes[month - 1]}”开展主题党日活动。", r.Next(8, 30), parts, now);
                records.Add(rec);
            }

        // 光荣在党50年: some of this year's eligible members already have their medal.
        var cutoff = PartyDates.MedalCutoff(today.Year);
        var awards = members.Where(m => m.Status == MemberStatus.Full && m.FullMemberOn <= cutoff).Where(_ => r.Next(100) < 40).Take(200)
            .Select(m => MedalAward.Create(Guid.CreateVersion7(), m.Id, m.Name, m.OrgId, m.OrgPath, today.Year, new DateOnly(today.Year, 6, 28), "七一前集中颁发", now))
            .ToList();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await bulk.InsertAsync(meetings, ct);
            var kept = meetings.Select(x => x.Id).ToHashSet();
            await bulk.InsertAsync(attendance.Where(a => kept.Contains(a.MeetingId)).ToList(), ct);
            await bulk.InsertAsync([plan], ct);
            await bulk.InsertAsync(plan.Themes, ct);
            await bulk.InsertAsync(records, ct);
            await bulk.InsertAsync(awards, ct);
            await tx.CommitAsync(ct);
        }
        db.Audit(AuditActions.Create, "演示数据", null,
            $"生成组织生活演示数据：{meetings.Count} 条三会一课记录、{records.Count} 条主题党日记录、{awards.Count} 枚纪念章");
        await db.SaveChangesAsync(ct);

        // A clerk of one grid branch, to see organizational life from the branch's side.
        var branch = branches.First(b => b.Kind == OrgKind.GridBranch);
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var u = new AppUser { Id = Guid.CreateVersion7(), UserName = "zhibu", DisplayName = "陈书记", OrgId = branch.Id, CreatedAt = now, LockoutEnabled = true };
        var created = await users.CreateAsync(u, DemoSeeder.DemoPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(u, Roles.Staff);
        DemoSeeder.AddLogin(new DemoSeeder.DemoLogin("zhibu", "陈书记", Roles.Staff, branch.Name));
    }
}
