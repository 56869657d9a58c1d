using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Infrastructure;

public static partial class WorkforceSeeded
{
    /// <summary>One record of each kind of this part under the street (see RecordsUnder): an announcement and an application.</summary>
    private static async Task Recruitment(TestApp app, Guid streetId, Guid workerId, ScopeIds ids)
    {
        var branch = await Seeded.BranchUnder(app, streetId);
        var (announcementId, applicationId) = await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var street = await db.PartyOrgs.IgnoreQueryFilters().FirstAsync(o => o.Id == streetId);
            var a = RecruitAnnouncement.Create(Guid.CreateVersion7(), street.Id, street.Path, db.Now);
            a.Edit("测试选聘公告", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), RecruitmentDefaults.Conditions(), RecruitmentDefaults.Disqualifications(),
                RecruitmentDefaults.ReviewDepartments(), 0.4m, 0.6m, 5, true, null, db.Now);
            var p = RecruitPosition.Create(Guid.CreateVersion7(), a.Id);
            p.Set("专职网格员", WorkerPost.GridWorker, branch.Id, branch.Name, 1, 5, 1, 1, 0);
            a.Positions.Add(p);
            a.MoveTo(AnnouncementStatus.Open, db.Now);
            db.RecruitAnnouncements.Add(a);
            var x = RecruitApplication.Create(Guid.CreateVersion7(), a, ApplicationSource.Entered, db.Now);
            x.SetIdNumber("x", Guid.NewGuid().ToString("N"), "5202**********0000");
            x.SetPerson(p.Id, "测试报名", Gender.Female, new DateOnly(1998, 3, 1), Education.Bachelor, PoliticalStatus.LeagueMember, null, null, db.Now);
            db.RecruitApplications.Add(x);
            await db.SaveChangesAsync();
            return (a.Id, x.Id);
        });
        ids.Ids["/api/v1/workforce/announcements/"] = announcementId;
        ids.Ids["/api/v1/workforce/applications/"] = applicationId;
    }
}
