using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Seeding;

/// <summary>
/// 社区工作者 of the demo county: eight residents of every community on its roster (书记/主任, 副书记/副主任, two 两委成员,
/// three 专职网格员, one other), some certified, with this year's urban population per community (a few communities
/// below the standard of 18 per 10,000). Pay, 选聘 and 培训/考核/档案 add their records in their own parts.
/// </summary>
public static partial class WorkforceDemo
{
    private static readonly (WorkerPost Post, int PayPost, int Level)[] Team =
    [
        (WorkerPost.Secretary, 1, 8), (WorkerPost.DeputySecretary, 2, 6), (WorkerPost.CommitteeMember, 3, 5), (WorkerPost.CommitteeMember, 3, 3),
        (WorkerPost.GridWorker, 4, 2), (WorkerPost.GridWorker, 4, 1), (WorkerPost.GridWorker, 5, 1), (WorkerPost.Other, 5, 1),
    ];

    public static async Task SeedAsync(IServiceProvider sp, DemoSeeder.Generated g, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var r = new Random(20261202);
        var now = db.Now;
        var today = db.Today;
        var communities = await db.PartyOrgs.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Name.EndsWith("社区委员会") && o.Status == OrgStatus.Active).OrderBy(o => o.Path).ToListAsync(ct);
        var memberPeople = await db.Members.IgnoreQueryFilters().AsNoTracking().Select(m => m.PersonId).ToListAsync(ct);
        var members = memberPeople.ToHashSet();
        var people = await db.People.IgnoreQueryFilters().Where(p => !p.IsDeleted).OrderBy(p => p.Id).ToListAsync(ct);
        var workers = new List<Worker>();
        foreach (var community in communities)
        {
            var local = people.Where(p => p.OrgPath.StartsWith(community.Path, StringComparison.Ordinal)
                    && WorkforceRules.AgeOn(p.BirthDate, today) is >= 22 and <= 58)
                .OrderBy(_ => r.Next()).Take(Team.Length).ToList();
            for (var i = 0; i < local.Count; i++)
            {
                var (post, payPost, level) = Team[i];
                var p = local[i];
                var earliest = p.BirthDate.AddYears(21);
                var hired = new DateOnly(Math.Max(2012, earliest.Year) + r.Next(0, 8), 1 + r.Next(12), 1);
                if (hired > today.AddMonths(-3)) hired = today.AddYears(-1);
                var politics = members.Contains(p.Id) ? PoliticalStatus.PartyMember : r.Next(3) == 0 ? PoliticalStatus.LeagueMember : PoliticalStatus.Masses;
                var step = 1 + Math.Min(10, (today.Year - hired.Year) / 2);
                var w = Worker.Hire(Guid.CreateVersion7(), p, community.Id, community.Path, politics, post, payPost, level, 1, hired, now);
                db.Workers.Add(w);
                db.WorkerPostChanges.Add(WorkerPostChange.Create(Guid.CreateVersion7(), w, hired, PostChangeKind.Hire, post, payPost, level, 1, null, "演示数据", now));
                if (step > 1)
                {
                    var advanced = hired.AddYears(2 * (step - 1));
                    db.WorkerPostChanges.Add(WorkerPostChange.Create(Guid.CreateVersion7(), w, advanced, PostChangeKind.StepAdvance, post, payPost, level, step,
                        "正常晋档", "演示数据", now));
                    w.Place(post, payPost, level, step, now);
                }
                if (r.Next(5) == 0)
                {
                    var level2 = r.Next(6) == 0 ? CertificateLevel.Social : CertificateLevel.Assistant;
                    var cert = WorkerCertificate.Create(Guid.CreateVersion7(), w, level2, new DateOnly(2020 + r.Next(6), 10, 20), null);
                    w.Certificates.Add(cert);
                    db.WorkerCertificates.Add(cert);
                }
                workers.Add(w);
            }
            // About 18 per 10,000: most communities meet the standard, some fall short.
            var residents = (int)(local.Count * 10000 / (r.Next(4) == 0 ? 15.5 : 19.5)) + r.Next(-150, 150);
            db.CommunityPopulations.Add(CommunityPopulation.Create(Guid.CreateVersion7(), community.Id, community.Path, community.Name, today.Year, Math.Max(1000, residents), now));
            db.CommunityPopulations.Add(CommunityPopulation.Create(Guid.CreateVersion7(), community.Id, community.Path, community.Name, today.Year - 1,
                Math.Max(1000, residents - r.Next(50, 300)), now));
        }
        // 后备人才: a committee member of every other community is a secretary reserve, a grid worker a committee reserve;
        // 书记备案: most secretaries filed and accepted, a few waiting, some not filed yet.
        var root = g.RootOrgId;
        var byCommunity = workers.GroupBy(w => w.OrgId).ToList();
        for (var i = 0; i < byCommunity.Count; i++)
        {
            var team = byCommunity[i].ToList();
            if (i % 2 == 0 && team.FirstOrDefault(w => w.Post == WorkerPost.CommitteeMember) is { } cm)
                db.ReserveEntries.Add(ReserveEntry.Add(Guid.CreateVersion7(), cm.OrgId, cm.OrgPath, ReserveKind.SecretaryReserve, cm.Id, cm.Name, today.AddMonths(-r.Next(3, 30)), "两委成员，群众基础好", now));
            if (team.FirstOrDefault(w => w.Post == WorkerPost.GridWorker) is { } gw)
                db.ReserveEntries.Add(ReserveEntry.Add(Guid.CreateVersion7(), gw.OrgId, gw.OrgPath, ReserveKind.CommitteeReserve, gw.Id, gw.Name, today.AddMonths(-r.Next(1, 20)), null, now));
            if (team.FirstOrDefault(w => w.Post == WorkerPost.Secretary) is { } sec && i % 7 != 3)
            {
                var filed = SecretaryFiling.Submit(Guid.CreateVersion7(), sec, root, sec.HireDate > today.AddYears(-3) ? sec.HireDate.AddDays(20) : today.AddYears(-2).AddDays(r.Next(200)),
                    $"汶组备〔{today.Year - 1}〕{10 + i}号", now);
                if (i % 5 != 1) filed.Decide(true, filed.FiledOn.AddDays(10), null);
                db.SecretaryFilings.Add(filed);
            }
        }
        await db.SaveChangesAsync(ct);
        await PayAsync(sp, workers, ct);
        await RecruitmentAsync(sp, g, ct);
        await DevelopmentAsync(sp, workers, ct);
    }
}
