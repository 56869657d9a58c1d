using Lianxin.Modules.Workforce.Features;
using Lianxin.Platform.Access;
using Lianxin.Platform.Http;

namespace Lianxin.Modules.Workforce;

/// <summary>
/// 社区工作者队伍: the roster, staffing standard and structure (here); pay (Features/Pay), 选聘 (Features/Recruitment),
/// training, assessment and archives (Features/Development) map their own routes under the same group.
/// </summary>
public static class WorkforceModule
{
    private const long RosterExcelLimit = Members.Features.RosterExcel.MaxFileBytes + 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/workforce");
        var roster = g.MapGroup("/workers").WithTags("社区工作者花名册");
        roster.MapGet("/", RosterFeatures.List).RequirePermission(Perm.Workforce.Read);
        roster.MapGet("/export", WorkerExcel.Export).RequirePermission(Perm.Workforce.Read)
            .Produces(200, contentType: Platform.Excel.Xlsx.ContentType);
        roster.MapPost("/import", WorkerExcel.Import).RequirePermission(Perm.Workforce.Write).DisableAntiforgery().WithBodyLimit(RosterExcelLimit);
        roster.MapGet("/{id:guid}", RosterFeatures.Get).RequirePermission(Perm.Workforce.Read);
        roster.MapPost("/", RosterFeatures.Create).RequirePermission(Perm.Workforce.Write);
        roster.MapPut("/{id:guid}", RosterFeatures.Update).RequirePermission(Perm.Workforce.Write);
        roster.MapDelete("/{id:guid}", RosterFeatures.Delete).RequirePermission(Perm.Workforce.Write);
        roster.MapPost("/{id:guid}/reveal", RosterFeatures.Reveal).RequirePermission(Perm.Member.Reveal);
        roster.MapPost("/{id:guid}/status", RosterFeatures.SetStatus).RequirePermission(Perm.Workforce.Write);
        roster.MapPost("/{id:guid}/certificates", RosterFeatures.AddCertificate).RequirePermission(Perm.Workforce.Write);
        roster.MapDelete("/{id:guid}/certificates/{certificateId:guid}", RosterFeatures.RemoveCertificate).RequirePermission(Perm.Workforce.Write);
        roster.MapPost("/{id:guid}/post-changes", RosterFeatures.ChangePost).RequirePermission(Perm.Workforce.Write);

        var staffing = g.MapGroup("").WithTags("配备标准与队伍结构");
        staffing.MapGet("/populations", StaffingFeatures.Populations).RequirePermission(Perm.Workforce.Read);
        staffing.MapPut("/populations", StaffingFeatures.SetPopulation).RequirePermission(Perm.Workforce.Write);
        staffing.MapGet("/staffing", StaffingFeatures.Staffing).RequirePermission(Perm.Workforce.Read);
        staffing.MapGet("/structure", StaffingFeatures.Structure).RequirePermission(Perm.Workforce.Read);

        var reserve = g.MapGroup("").WithTags("后备人才、竞聘与书记备案");
        reserve.MapGet("/reserve", ReserveFeatures.List).RequirePermission(Perm.Workforce.Read);
        reserve.MapPost("/reserve", ReserveFeatures.Add).RequirePermission(Perm.Workforce.Write);
        reserve.MapPost("/reserve/{id:guid}/leave", ReserveFeatures.Leave).RequirePermission(Perm.Workforce.Write);
        reserve.MapGet("/competitions", ReserveFeatures.Competitions).RequirePermission(Perm.Workforce.Read);
        reserve.MapPost("/competitions", ReserveFeatures.RecordCompetition).RequirePermission(Perm.Workforce.Write);
        reserve.MapGet("/secretary-filings", ReserveFeatures.Filings).RequirePermission(Perm.Workforce.Read);
        reserve.MapPost("/secretary-filings", ReserveFeatures.File).RequirePermission(Perm.Workforce.Write);
        reserve.MapPost("/secretary-filings/{id:guid}/decide", ReserveFeatures.Decide).RequirePermission(Perm.Workforce.Manage);

        g.MapGet("/settings", RosterFeatures.GetSettings).WithTags("系统设置").RequireAuthorization();
        g.MapPut("/settings", RosterFeatures.UpdateSettings).WithTags("系统设置").RequirePermission(Perm.Settings.Write);

        Features.Pay.PayRoutes.Map(g);
        Features.Recruitment.RecruitmentRoutes.Map(g);
        Features.Development.DevelopmentRoutes.Map(g);
    }
}
