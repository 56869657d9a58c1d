using Lianxin.Platform.Access;
using Lianxin.Platform.Http;

namespace Lianxin.Modules.Workforce.Features.Recruitment;

/// <summary>社区工作者 — 选聘: the routes of this part (mapped under /api/v1/workforce by WorkforceModule).</summary>
public static class RecruitmentRoutes
{
    public static void Map(RouteGroupBuilder g)
    {
        var a = g.MapGroup("/announcements").WithTags("选聘");
        a.MapGet("/", AnnouncementFeatures.List).RequirePermission(Perm.Workforce.Read);
        a.MapGet("/defaults", AnnouncementFeatures.Defaults).RequirePermission(Perm.Workforce.Read);
        a.MapPost("/", AnnouncementFeatures.Create).RequirePermission(Perm.Workforce.Write);
        a.MapGet("/{id:guid}", AnnouncementFeatures.Get).RequirePermission(Perm.Workforce.Read);
        a.MapPut("/{id:guid}", AnnouncementFeatures.Update).RequirePermission(Perm.Workforce.Write);
        a.MapPost("/{id:guid}/open", AnnouncementFeatures.Open).RequirePermission(Perm.Workforce.Write);
        a.MapPost("/{id:guid}/close-applications", AnnouncementFeatures.CloseApplications).RequirePermission(Perm.Workforce.Write);
        a.MapGet("/{id:guid}/applications", ApplicationFeatures.List).RequirePermission(Perm.Workforce.Read);
        a.MapPost("/{id:guid}/applications", ApplicationFeatures.Create).RequirePermission(Perm.Workforce.Write);
        a.MapGet("/{id:guid}/applications/template", ApplicationExcel.Template).RequirePermission(Perm.Workforce.Write)
            .Produces(200, contentType: Platform.Excel.Xlsx.ContentType);
        a.MapPost("/{id:guid}/applications/import", ApplicationExcel.Import).RequirePermission(Perm.Workforce.Write)
            .DisableAntiforgery().WithBodyLimit(ApplicationExcel.MaxFileBytes + 1024 * 1024);
        a.MapGet("/{id:guid}/ranking", AnnouncementFeatures.GetRanking).RequirePermission(Perm.Workforce.Read);
        a.MapPost("/{id:guid}/publicize", AnnouncementFeatures.Publicize).RequirePermission(Perm.Workforce.Write);
        a.MapPost("/{id:guid}/hire", AnnouncementFeatures.Hire).RequirePermission(Perm.Workforce.Write);

        var x = g.MapGroup("/applications").WithTags("选聘");
        x.MapGet("/{id:guid}", ApplicationFeatures.Get).RequirePermission(Perm.Workforce.Read);
        x.MapPut("/{id:guid}", ApplicationFeatures.Update).RequirePermission(Perm.Workforce.Write);
        x.MapPost("/{id:guid}/review", ApplicationFeatures.Review).RequirePermission(Perm.Workforce.Write);
        x.MapPut("/{id:guid}/scores", ApplicationFeatures.Scores).RequirePermission(Perm.Workforce.Write);
    }
}
