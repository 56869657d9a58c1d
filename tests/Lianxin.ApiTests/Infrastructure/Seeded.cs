using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Files;
using Lianxin.Platform.Notifications;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Infrastructure;

/// <summary>Finds records of the seeded data set.</summary>
public static class Seeded
{
    public static Task<PartyOrg> Org(TestApp app, Guid id) =>
        app.Db(db => db.PartyOrgs.AsNoTracking().FirstAsync(o => o.Id == id));

    /// <summary>A grid branch (holds members) inside the subtree of the given organization.</summary>
    public static Task<PartyOrg> BranchUnder(TestApp app, Guid ancestorId, OrgKind kind = OrgKind.GridBranch) =>
        app.Db(async db =>
        {
            var path = await db.PartyOrgs.Where(o => o.Id == ancestorId).Select(o => o.Path).FirstAsync();
            var all = await db.PartyOrgs.AsNoTracking().Where(o => o.Kind == kind).ToListAsync();
            return all.Where(o => o.Path.StartsWith(path, StringComparison.Ordinal)).OrderBy(o => o.Path, StringComparer.Ordinal).First();
        });

    public static Task<Guid> AnyMemberUnder(TestApp app, Guid ancestorId) =>
        app.Db(async db =>
        {
            var path = await db.PartyOrgs.Where(o => o.Id == ancestorId).Select(o => o.Path).FirstAsync();
            var hi = OrgPath.UpperBound(path);
            return await db.Members.Where(m => string.Compare(m.OrgPath, path) >= 0 && string.Compare(m.OrgPath, hi) < 0)
                .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        });

    public static Task<Guid> AnyNonMemberPersonUnder(TestApp app, Guid ancestorId) =>
        app.Db(async db =>
        {
            var path = await db.PartyOrgs.Where(o => o.Id == ancestorId).Select(o => o.Path).FirstAsync();
            var hi = OrgPath.UpperBound(path);
            return await db.People.Where(p => string.Compare(p.OrgPath, path) >= 0 && string.Compare(p.OrgPath, hi) < 0
                    && !db.Members.Any(m => m.PersonId == p.Id))
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        });

    public sealed record MobileIds(Guid Episode, Guid Visit, Guid Suggestion);

    /// <summary>An approved outbound episode of a member under a street, with a visit and a suggestion (for scope tests).</summary>
    public static async Task<MobileIds> MobileRecordsUnder(TestApp app, Guid streetId)
    {
        var memberId = await AnyMemberUnder(app, streetId);
        return await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var m = await db.Members.FirstAsync(x => x.Id == memberId);
            var e = Lianxin.Modules.Mobile.Domain.MobileEpisode.Register(Guid.CreateVersion7(), m.Id, m.Name, m.OrgId, m.OrgPath, "t", db.Now);
            e.SetDetails("370102", "济南市历下区", "泉城路1号", Lianxin.Modules.Mobile.Domain.OutboundReason.Work, null, db.Today.AddDays(-30), db.Today.AddDays(60), db.Now);
            e.SetContact("x", "138****0000", null, db.Now);
            e.Approve("t", db.Now);
            db.MobileEpisodes.Add(e);
            var v = Lianxin.Modules.Mobile.Domain.MobileVisit.Record(Guid.CreateVersion7(), e, m.Id, m.Name, m.OrgId, m.OrgPath, m.OrgId, "t", db.Now);
            v.Set(Lianxin.Modules.Mobile.Domain.VisitKind.Routine, db.Today, "书记", null, null, 0, 0, db.Now);
            db.MobileVisits.Add(v);
            var s = Lianxin.Modules.Mobile.Domain.MobileSuggestion.File(Guid.CreateVersion7(), e, m.Id, m.Name, m.OrgId, m.OrgPath, db.Today,
                Lianxin.Modules.Mobile.Domain.SuggestionArea.Economy, "建议", "内容", m.OrgId, "t", db.Now);
            db.MobileSuggestions.Add(s);
            await db.SaveChangesAsync();
            return new MobileIds(e.Id, v.Id, s.Id);
        });
    }

    public sealed record GridIds(Guid Grid, Guid Event, Guid Photo, Guid Unit, Guid Mediation, Guid Inspection, Guid Client);

    /// <summary>A square boundary (GeoJSON) with its south-west corner at (lon, lat) and the given side in degrees.</summary>
    public static object Square(double lon, double lat, double side = 0.01) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + side, lat }, new[] { lon + side, lat + side }, new[] { lon, lat + side }, new[] { lon, lat } } },
    };

    /// <summary>One of each grid-governance record under a street, written directly (for scope tests).</summary>
    public static async Task<GridIds> GridRecordsUnder(TestApp app, Guid streetId, double lon)
    {
        var branch = await BranchUnder(app, streetId);
        return await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var (shape, _) = Lianxin.Modules.Grids.Domain.GridShape.Parse(System.Text.Json.JsonSerializer.SerializeToElement(Square(lon, 35.7)));
            var g = Lianxin.Modules.Grids.Domain.Grid.Create(branch.Id, branch.Path, null, Lianxin.Modules.Grids.Domain.GridLevel.First, "测试网格",
                "T" + Guid.NewGuid().ToString("N")[..8], null, 1, 10, shape!, db.Now);
            db.Grids.Add(g);
            var category = await db.EventCategories.FirstAsync(c => c.ParentId != null);
            var e = Lianxin.Modules.Grids.Domain.GridEvent.Report("T-" + Guid.NewGuid().ToString("N")[..10], category, category.ParentId!.Value,
                Lianxin.Modules.Grids.Domain.EventNetwork.Comprehensive, "测试事件", lon + 0.005, 35.705, null, (branch.Id, branch.Path, g.Id, g.Name, false),
                Lianxin.Modules.Grids.Domain.ReporterKind.Resident, "居民", null, null, db.Now);
            db.GridEvents.Add(e);
            var photo = Lianxin.Modules.Grids.Domain.GridPhoto.Create(e.Id, e.OrgId, e.OrgPath, "a.png", "image/png", 1, "x", db.Now);
            db.GridPhotos.Add(photo);
            db.Files.Add(Lianxin.Platform.Files.StoredFile.Create(photo.Id, [1], db.Now));
            var unit = Lianxin.Modules.Grids.Domain.HandlingUnit.Create(branch.Id, branch.Path, "测试单位", Lianxin.Modules.Grids.Domain.HandlingUnitKind.Department, null, db.Now);
            db.HandlingUnits.Add(unit);
            var m = Lianxin.Modules.Grids.Domain.MediationCase.Create(branch.Id, branch.Path, null, "纠纷", ["甲", "乙"], "调解员", null, db.Today, db.Now);
            db.MediationCases.Add(m);
            var i = Lianxin.Modules.Grids.Domain.Inspection.Schedule(g, Lianxin.Modules.Grids.Domain.InspectionKind.Routine, db.Today, "检查员", null, db.Now);
            db.Inspections.Add(i);
            var c = Lianxin.Modules.Grids.Domain.Open311Client.Create("客户端", Guid.NewGuid().ToString("N"), "lx311_", branch.Id, branch.Path, db.Now);
            db.Open311Clients.Add(c);
            await db.SaveChangesAsync();
            sp.GetRequiredService<Lianxin.Modules.Grids.Features.GridIndex>().Invalidate();
            return new GridIds(g.Id, e.Id, photo.Id, unit.Id, m.Id, i.Id, c.Id);
        });
    }

    public sealed record OrgLifeIds(Guid Meeting, Guid Attachment, Guid Plan, Guid ThemedDay, Guid Medal, Guid Notification);

    /// <summary>One of each organizational-life record under a street, written directly (for scope tests).</summary>
    public static async Task<OrgLifeIds> OrgLifeRecordsUnder(TestApp app, Guid streetId)
    {
        var branch = await BranchUnder(app, streetId);
        var street = await Org(app, streetId);
        var memberId = await AnyMemberUnder(app, streetId);
        return await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var member = await db.Members.FirstAsync(m => m.Id == memberId);
            var meeting = Meeting.Create(Guid.CreateVersion7(), branch.Id, branch.Path, MeetingKind.CommitteeMeeting, db.Now);
            meeting.Describe(null, db.Today, new TimeOnly(9, 0), null, "会议室", "书记", "支委会", null, db.Now);
            db.Meetings.Add(meeting);
            var attachment = Attachment.Create(Guid.CreateVersion7(), meeting.Id, branch.Id, branch.Path, "签到表.png", "image/png", 8, "00", "t", db.Now);
            db.Attachments.Add(attachment);
            db.Files.Add(StoredFile.Create(attachment.Id, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], db.Now));
            var plan = ThemedDayPlan.Create(Guid.CreateVersion7(), street.Id, street.Path, db.Today.Year, db.Now);
            plan.Describe("主题党日计划", ["重温入党誓词"], [(db.Today.Month, "主题", null)], db.Now);
            plan.Publish(db.Now);
            db.ThemedDayPlans.Add(plan);
            var record = ThemedDayRecord.Create(Guid.CreateVersion7(), plan.Id, db.Today.Month, branch.Id, branch.Path, db.Now);
            record.Describe(db.Today, "党群服务中心", "学习", 10, ["重温入党誓词"], db.Now);
            db.ThemedDayRecords.Add(record);
            var medal = MedalAward.Create(Guid.CreateVersion7(), member.Id, member.Name, member.OrgId, member.OrgPath, db.Today.Year, db.Today, null, db.Now);
            db.MedalAwards.Add(medal);
            var notification = Notification.Create(branch.Id, "test", "提醒", ["一行"], null, null, db.Now);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return new OrgLifeIds(meeting.Id, attachment.Id, plan.Id, record.Id, medal.Id, notification.Id);
        });
    }
}
