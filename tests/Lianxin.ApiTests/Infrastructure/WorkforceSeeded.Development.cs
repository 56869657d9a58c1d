using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Files;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Infrastructure;

public static partial class WorkforceSeeded
{
    /// <summary>
    /// A training class (with a session and the worker enrolled), an annual 优秀 assessment with its 提前晋档 proposal, and
    /// an archive file of the worker, all under the street.
    /// </summary>
    private static async Task Development(TestApp app, Guid streetId, Guid workerId, ScopeIds ids)
    {
        var (classId, assessmentId, effectId, fileId) = await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var w = await db.Workers.IgnoreQueryFilters().FirstAsync(x => x.Id == workerId);
            var c = TrainingClass.Create(Guid.CreateVersion7(), w.OrgId, w.OrgPath, "system", db.Now);
            c.Set("测试培训班", TrainingKind.OnDuty, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2), 8, "街道党工委", 80, db.Now);
            db.TrainingClasses.Add(c);
            var s = TrainingSession.Create(Guid.CreateVersion7(), c, new DateOnly(2025, 3, 1), "政策法规", 4);
            db.TrainingSessions.Add(s);
            db.TrainingEnrolments.Add(TrainingEnrolment.Create(Guid.CreateVersion7(), c, w, db.Now));
            var a = Assessment.Create(Guid.CreateVersion7(), w, AssessmentKind.Annual, "2024", 2024, "system", db.Now);
            a.Score(95, 95, null, null, new WorkforceSettings(), db.Now);
            db.Assessments.Add(a);
            var e = WorkforceEffect.Propose(Guid.CreateVersion7(), $"advance:{a.Id}", w, EffectKind.EarlyStepAdvance, a, "测试", new DateOnly(2023, 7, 1),
                new DateOnly(2024, 1, 1), 2, "system", db.Now);
            db.WorkforceEffects.Add(e);
            var f = ArchiveFile.Create(Guid.CreateVersion7(), w, "身份信息", "身份证.pdf", "application/pdf", 9, new string('0', 64), "system", db.Now);
            db.ArchiveFiles.Add(f);
            db.Files.Add(StoredFile.Create(f.Id, "%PDF-1.4\n"u8.ToArray(), db.Now));
            await db.SaveChangesAsync();
            return (c.Id, a.Id, e.Id, f.Id);
        });
        ids.Ids["/api/v1/workforce/trainings/"] = classId;
        ids.Ids["/api/v1/workforce/assessments/"] = assessmentId;
        ids.Ids["/api/v1/workforce/effects/"] = effectId;
        ids.Ids["/api/v1/workforce/archive-files/"] = fileId;
    }
}
