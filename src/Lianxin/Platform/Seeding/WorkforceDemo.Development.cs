using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Modules.Workforce.Features.Development;
using Lianxin.Platform.Files;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Seeding;

public static partial class WorkforceDemo
{
    /// <summary>
    /// 培训、考核与档案 of the demo: last year's 全员轮训 and this year's classes (secretaries, 初任, a street's 网格员实训) with
    /// sessions and attendance; last year's annual assessments (mostly 合格, some 优秀 with their 提前晋档 proposals, one worker
    /// 不合格 two years running with a pending 解聘审查); tiny PDFs in some archives so that completeness varies.
    /// </summary>
    private static async Task DevelopmentAsync(IServiceProvider sp, List<Worker> workers, CancellationToken ct)
    {
        if (workers.Count == 0) return;
        var db = sp.GetRequiredService<AppDbContext>();
        var store = sp.GetRequiredService<IFileStore>();
        var r = new Random(20261214);
        var now = db.Now;
        var today = db.Today;
        const string by = "演示数据";
        var settings = await SettingsStore.Read<WorkforceSettings>(db, WorkforceSettings.Key, ct);
        var paths = workers.Select(w => w.OrgPath).ToList();
        var common = paths.Aggregate((a, b) => a[..Enumerable.Range(0, Math.Min(a.Length, b.Length)).TakeWhile(i => a[i] == b[i]).Count()]);
        var orgs = await db.PartyOrgs.IgnoreQueryFilters().AsNoTracking().Where(o => o.Status == OrgStatus.Active).ToListAsync(ct);
        var county = orgs.Where(o => common.StartsWith(o.Path, StringComparison.Ordinal)).OrderByDescending(o => o.Path.Length).First();
        var firstCommunity = orgs.First(o => o.Id == workers[0].OrgId);
        var street = orgs.Where(o => firstCommunity.Path.StartsWith(o.Path, StringComparison.Ordinal) && o.Id != firstCommunity.Id && o.Path.Length > county.Path.Length)
            .OrderBy(o => o.Path.Length).FirstOrDefault() ?? county;

        void Class(PartyOrg org, string name, TrainingKind kind, DateOnly start, int days, decimal hours, string organizer, IEnumerable<Worker> who, int absentEvery)
        {
            var c = TrainingClass.Create(Guid.CreateVersion7(), org.Id, org.Path, by, now);
            c.Set(name, kind, start, start.AddDays(days - 1), hours, organizer, TrainingFeatures.DefaultCompletionPercent, now);
            db.TrainingClasses.Add(c);
            var sessions = Enumerable.Range(0, days).Select(i => TrainingSession.Create(Guid.CreateVersion7(), c, start.AddDays(i),
                i switch { 0 => "习近平新时代中国特色社会主义思想专题", 1 => "基层治理政策法规", 2 => "群众工作方法与案例", _ => "现场教学与交流研讨" }, hours / days)).ToList();
            db.TrainingSessions.AddRange(sessions);
            var n = 0;
            foreach (var w in who.Where(w => w.OrgPath.StartsWith(org.Path, StringComparison.Ordinal) && w.HireDate <= start))
            {
                var e = TrainingEnrolment.Create(Guid.CreateVersion7(), c, w, now);
                db.TrainingEnrolments.Add(e);
                var absent = ++n % absentEvery == 0;
                var present = sessions.Where((_, i) => !absent || i == 0).ToList();
                db.TrainingAttendance.AddRange(present.Select(s => TrainingAttendance.Create(Guid.CreateVersion7(), s, e)));
                e.Recount(c, sessions.Count, present.Count);
            }
        }

        var lastYear = new DateOnly(today.Year - 1, 10, 13);
        Class(county, $"{lastYear.Year}年社区工作者全员轮训", TrainingKind.OnDuty, lastYear, 3, 24, "县委组织部", workers.Where(_ => r.Next(10) < 6), 9);
        Class(county, $"{today.Year}年社区书记（主任）履职能力提升班", TrainingKind.OnDuty, today.AddMonths(-5), 4, 32, "县委组织部、县委社会工作部",
            workers.Where(w => w.Post == WorkerPost.Secretary && r.Next(10) < 8), 7);
        Class(county, $"{today.Year}年新任社区工作者初任培训", TrainingKind.Initial, today.AddMonths(-3), 3, 24, "县委社会工作部",
            workers.Where(w => w.HireDate >= today.AddYears(-3)), 6);
        Class(street, "专职网格员实践实训", TrainingKind.Practice, today.AddMonths(-1), 2, 12, street.Name, workers.Where(w => w.Post == WorkerPost.GridWorker), 5);
        Class(county, "社区工作者学历提升（大专）面授", TrainingKind.Education, today.AddMonths(-2), 2, 16, "县委组织部、县开放大学",
            workers.Where(w => !Lianxin.Modules.Workforce.Domain.WorkforceRules.CollegeOrAbove(w.Education)).Take(25), 8);

        // Last year's annual assessments; 优秀 proposes 提前晋档 as the rule would; one worker failed twice running.
        var year = today.Year - 1;
        var changes = (await db.WorkerPostChanges.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct)).ToLookup(c => c.WorkerId);
        var failing = workers.FirstOrDefault(w => w.Post == WorkerPost.GridWorker && w.HireDate.Year < year - 1);
        foreach (var w in workers.Where(w => w.HireDate.Year <= year))
        {
            var roll = r.Next(100);
            var (org, residents) = w == failing ? (52m, 58m)
                : roll < 12 ? (92m + r.Next(8), 88m + r.Next(12))
                : roll < 20 ? (62m + r.Next(8), 60m + r.Next(10))
                : (75m + r.Next(14), 72m + r.Next(20));
            var a = Assessment.Create(Guid.CreateVersion7(), w, AssessmentKind.Annual, year.ToString(System.Globalization.CultureInfo.InvariantCulture), year, by, now);
            a.Score(org, residents, null, null, settings, now);
            db.Assessments.Add(a);
            if (a.Grade == AssessmentGrade.Excellent && DevelopmentRules.StepSince(changes[w.Id], DateOnly.MaxValue) is { } since)
            {
                var regular = DevelopmentRules.NextRegularStep(since, settings.StepYears);
                var early = DevelopmentRules.EarlyStep(regular, settings.ExcellentAdvanceMonths);
                db.WorkforceEffects.Add(WorkforceEffect.Propose(Guid.CreateVersion7(), AssessmentFeatures.AdvanceKey(a.Id), w, EffectKind.EarlyStepAdvance, a,
                    $"{a.Period}年度考核优秀，下一档次晋档时间由 {regular:yyyy-MM-dd} 提前{settings.ExcellentAdvanceMonths}个月至 {early:yyyy-MM-dd}",
                    early, regular, w.Step + 1, by, now));
            }
            if (w == failing)
            {
                var before = Assessment.Create(Guid.CreateVersion7(), w, AssessmentKind.Annual, (year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), year - 1, by, now);
                before.Score(55m, 50m, null, "群众意见较大，整改不到位", settings, now);
                db.Assessments.Add(before);
                db.WorkforceEffects.Add(WorkforceEffect.Propose(Guid.CreateVersion7(), AssessmentFeatures.DismissalKey(w.Id, year), w, EffectKind.DismissalReview, a,
                    $"{year - 1}—{year}年度连续2年考核不合格，启动解聘审查", null, null, null, by, now));
            }
        }

        // Archives: the first communities' workers hold some of the categories (one in eight all of them).
        var categories = new ArchiveSettings().Categories;
        var pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        foreach (var (w, i) in workers.Take(120).Select((w, i) => (w, i)))
            foreach (var c in categories.Where(_ => i % 8 == 0 || r.Next(10) < 6))
            {
                var f = ArchiveFile.Create(Guid.CreateVersion7(), w, c, $"{w.Name}-{c}.pdf", "application/pdf", pdf.Length, sha, by, now);
                db.ArchiveFiles.Add(f);
                store.Stage(db, f.Id, pdf);
            }
        await db.SaveChangesAsync(ct);
    }
}
