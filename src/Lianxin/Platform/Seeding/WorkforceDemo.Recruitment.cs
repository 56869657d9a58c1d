using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Seeding;

public static partial class WorkforceDemo
{
    /// <summary>
    /// 选聘 of this year in the first street: two positions in two of its communities, twelve applicants (some failing the
    /// automatic checks or the 联审), scores entered, a tie at the cut-off of the first position, and the 公示 running.
    /// </summary>
    private static async Task RecruitmentAsync(IServiceProvider sp, DemoSeeder.Generated g, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var r = new Random(20261213);
        var now = db.Now;
        var today = db.Today;
        var street = await db.PartyOrgs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == g.FirstStreetOrgId, ct);
        if (street is null) return;
        var communities = await db.PartyOrgs.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Path.StartsWith(street.Path) && o.Name.EndsWith("社区委员会") && o.Status == OrgStatus.Active).OrderBy(o => o.Path).Take(2).ToListAsync(ct);
        if (communities.Count == 0) return;

        var a = RecruitAnnouncement.Create(Guid.CreateVersion7(), street.Id, street.Path, now);
        var conditions = RecruitmentDefaults.Conditions();
        // A region code of the demo: the first six digits of a resident's ID number there (kept in the mask).
        var masked = await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.OrgPath.StartsWith(communities[0].Path))
            .Select(p => p.IdNumberMasked).FirstOrDefaultAsync(ct);
        var region = masked is { Length: >= 6 } && masked[..6].All(char.IsAsciiDigit) ? masked[..6] : "520201";
        conditions[4] = conditions[4] with { Text = "具有本地户籍或在本地居住", RegionPrefixes = region[..4] };
        a.Edit($"{street.Name}{today.Year}年公开选聘社区工作者公告", today.AddDays(-30), today.AddDays(-16), conditions, RecruitmentDefaults.Disqualifications(),
            RecruitmentDefaults.ReviewDepartments(), 0.4m, 0.6m, 5, true, "经组织、政法、民政、公安部门联审，资格审查结果和拟聘用人员面向社会公示。", now);
        var positions = new List<RecruitPosition>();
        for (var i = 0; i < Math.Min(2, communities.Count); i++)
        {
            var p = RecruitPosition.Create(Guid.CreateVersion7(), a.Id);
            p.Set(i == 0 ? "专职网格员" : "社区综合服务岗", i == 0 ? WorkerPost.GridWorker : WorkerPost.Other, communities[i].Id, communities[i].Name, i == 0 ? 2 : 1, 5, 1, 1, i);
            a.Positions.Add(p);
            positions.Add(p);
        }
        db.RecruitAnnouncements.Add(a);

        // (position, education, age, written, interview, result): a tie on everything at the second place of the first position.
        (int P, Education E, int Age, decimal W, decimal I, ReviewResult R, string? Why)[] people =
        [
            (0, Education.Bachelor, 26, 86.5m, 90.2m, ReviewResult.Passed, null),
            (0, Education.College, 29, 82.0m, 88.0m, ReviewResult.Passed, null),
            (0, Education.Bachelor, 24, 82.0m, 88.0m, ReviewResult.Passed, null),
            (0, Education.College, 31, 78.5m, 80.0m, ReviewResult.Passed, null),
            (0, Education.Postgraduate, 27, 70.0m, 76.5m, ReviewResult.Passed, null),
            (0, Education.HighSchool, 25, 0, 0, ReviewResult.Failed, "学历低于大专"),
            (0, Education.Bachelor, 38, 0, 0, ReviewResult.Failed, "截止报名时超过35周岁"),
            (1, Education.Bachelor, 28, 88.0m, 84.5m, ReviewResult.Passed, null),
            (1, Education.College, 33, 75.0m, 79.0m, ReviewResult.Passed, null),
            (1, Education.College, 23, 69.5m, 81.0m, ReviewResult.Passed, null),
            (1, Education.Bachelor, 30, 0, 0, ReviewResult.Failed, "公安部门：有不得报考情形"),
            (1, Education.College, 26, 0, 0, ReviewResult.Pending, null),
        ];
        var apps = new List<RecruitApplication>();
        for (var i = 0; i < people.Length; i++)
        {
            var (pi, edu, age, w, iv, result, why) = people[i];
            var position = positions[Math.Min(pi, positions.Count - 1)];
            var male = r.Next(2) == 0;
            var birth = a.ApplyTo.AddYears(-age).AddDays(-r.Next(1, 300));
            var id = ChineseIdNumber.Compose(region, birth, 100 + i * 7, male ? Gender.Male : Gender.Female);
            var phone = ChineseNames.Mobile(r);
            var x = RecruitApplication.Create(Guid.CreateVersion7(), a, i % 3 == 0 ? ApplicationSource.Imported : ApplicationSource.Entered, now);
            x.SetIdNumber(protector.Encrypt(id), protector.BlindIndex(id), Mask.IdNumber(id));
            x.SetPhone(protector.Encrypt(phone), Mask.Phone(phone));
            x.SetPerson(position.Id, ChineseNames.Person(r, male), male ? Gender.Male : Gender.Female, birth, edu,
                r.Next(3) == 0 ? PoliticalStatus.PartyMember : PoliticalStatus.LeagueMember, region, "本街道辖区", now);
            if (result != ReviewResult.Pending)
            {
                var objection = why?.StartsWith("公安", StringComparison.Ordinal) == true;
                x.Record(result, [.. a.ReviewDepartments.Select(d => new ReviewOpinion(d, !(objection && d == "公安部门"), objection && d == "公安部门" ? "有不得报考情形" : null))],
                    why, a.ApplyTo.AddDays(3), "演示数据", now);
            }
            if (result == ReviewResult.Passed) x.Score(w, iv, now);
            db.RecruitApplications.Add(x);
            apps.Add(x);
        }
        // 公示 of the first of each position (the tie for the first position's second place is left to the clerk).
        apps[0].Propose(true, now);
        if (positions.Count > 1) apps[7].Propose(true, now);
        var from = today.AddDays(-2);
        a.Publicize(from, RecruitmentRules.PublicityEnd(from, a.PublicityDays, a.PublicityWorkingDays), now);
        a.MoveTo(AnnouncementStatus.Publicized, now);
        await db.SaveChangesAsync(ct);
    }
}
