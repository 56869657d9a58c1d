using Lianxin.Platform.Access;
using Lianxin.Platform.Http;

namespace Lianxin.Modules.Workforce.Features.Development;

/// <summary>社区工作者 — 培训、考核与档案: the routes of this part (mapped under /api/v1/workforce by WorkforceModule).</summary>
public static class DevelopmentRoutes
{
    public static void Map(RouteGroupBuilder g)
    {
        var training = g.MapGroup("").WithTags("教育培训");
        training.MapGet("/trainings", TrainingFeatures.List).RequirePermission(Perm.Workforce.Read);
        training.MapPost("/trainings", TrainingFeatures.Create).RequirePermission(Perm.Workforce.Write);
        training.MapGet("/trainings/{id:guid}", TrainingFeatures.Get).RequirePermission(Perm.Workforce.Read);
        training.MapPut("/trainings/{id:guid}", TrainingFeatures.Update).RequirePermission(Perm.Workforce.Write);
        training.MapPost("/trainings/{id:guid}/sessions", TrainingFeatures.AddSession).RequirePermission(Perm.Workforce.Write);
        training.MapDelete("/trainings/{id:guid}/sessions/{sessionId:guid}", TrainingFeatures.RemoveSession).RequirePermission(Perm.Workforce.Write);
        training.MapPost("/trainings/{id:guid}/enrol", TrainingFeatures.Enrol).RequirePermission(Perm.Workforce.Write);
        training.MapDelete("/trainings/{id:guid}/enrolments/{workerId:guid}", TrainingFeatures.Unenrol).RequirePermission(Perm.Workforce.Write);
        training.MapPut("/trainings/{id:guid}/attendance", TrainingFeatures.Attendance).RequirePermission(Perm.Workforce.Write);
        training.MapGet("/training-overdue", TrainingFeatures.Overdue).RequirePermission(Perm.Workforce.Read);
        training.MapGet("/training-coverage", TrainingFeatures.Coverage).RequirePermission(Perm.Workforce.Read);

        var assessment = g.MapGroup("").WithTags("考核评议");
        assessment.MapGet("/assessments", AssessmentFeatures.List).RequirePermission(Perm.Workforce.Read);
        assessment.MapPost("/assessments", AssessmentFeatures.Create).RequirePermission(Perm.Workforce.Write);
        assessment.MapGet("/assessments/{id:guid}", AssessmentFeatures.Get).RequirePermission(Perm.Workforce.Read);
        assessment.MapPut("/assessments/{id:guid}", AssessmentFeatures.Update).RequirePermission(Perm.Workforce.Write);
        assessment.MapGet("/assessment-sheet", AssessmentFeatures.Sheet).RequirePermission(Perm.Workforce.Read);
        assessment.MapGet("/effects", AssessmentFeatures.Effects).RequirePermission(Perm.Workforce.Read);
        assessment.MapGet("/effects/{id:guid}", AssessmentFeatures.GetEffect).RequirePermission(Perm.Workforce.Read);
        assessment.MapPost("/effects/{id:guid}/approve", AssessmentFeatures.Approve).RequirePermission(Perm.Workforce.Manage);
        assessment.MapPost("/effects/{id:guid}/reject", AssessmentFeatures.Reject).RequirePermission(Perm.Workforce.Manage);
        assessment.MapPost("/effects/{id:guid}/apply", AssessmentFeatures.Apply).RequirePermission(Perm.Workforce.Manage);

        var archive = g.MapGroup("").WithTags("档案管理");
        archive.MapGet("/archive-settings", ArchiveFeatures.GetSettings).RequireAuthorization();
        archive.MapPut("/archive-settings", ArchiveFeatures.UpdateSettings).RequirePermission(Perm.Settings.Write);
        archive.MapGet("/workers/{id:guid}/archive", ArchiveFeatures.Get).RequirePermission(Perm.Workforce.Read);
        archive.MapPost("/workers/{id:guid}/archive/files", ArchiveFeatures.Upload).RequirePermission(Perm.Workforce.Write)
            .DisableAntiforgery().WithBodyLimit(ArchiveFeatures.UploadBodyLimit);
        archive.MapGet("/archive-files/{id:guid}", ArchiveFeatures.Download).RequirePermission(Perm.Workforce.Read);
        archive.MapDelete("/archive-files/{id:guid}", ArchiveFeatures.Delete).RequirePermission(Perm.Workforce.Write);
        archive.MapGet("/archive-completeness", ArchiveFeatures.CompletenessReport).RequirePermission(Perm.Workforce.Read);
        g.MapGet("/workers/{id:guid}/development", ArchiveFeatures.Development).WithTags("社区工作者花名册").RequirePermission(Perm.Workforce.Read);
    }
}
