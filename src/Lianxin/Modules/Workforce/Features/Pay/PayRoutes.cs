using Lianxin.Platform.Access;
using Lianxin.Platform.Excel;
using Lianxin.Platform.Http;

namespace Lianxin.Modules.Workforce.Features.Pay;

/// <summary>社区工作者 — 薪酬体系: the routes of this part (mapped under /api/v1/workforce by WorkforceModule).</summary>
public static class PayRoutes
{
    public static void Map(RouteGroupBuilder g)
    {
        var schemes = g.MapGroup("/schemes").WithTags("薪酬体系");
        schemes.MapGet("/", SchemeFeatures.List).RequirePermission(Perm.Workforce.Read);
        schemes.MapGet("/{id:guid}", SchemeFeatures.Get).RequirePermission(Perm.Workforce.Read);
        schemes.MapPost("/", SchemeFeatures.Create).RequirePermission(Perm.Workforce.Manage).WithBodyLimit(5L * 1024 * 1024);
        schemes.MapPut("/{id:guid}", SchemeFeatures.Update).RequirePermission(Perm.Workforce.Manage).WithBodyLimit(5L * 1024 * 1024);
        schemes.MapPut("/{id:guid}/cells", SchemeFeatures.SaveCells).RequirePermission(Perm.Workforce.Manage).WithBodyLimit(5L * 1024 * 1024);
        schemes.MapPost("/{id:guid}/publish", SchemeFeatures.Publish).RequirePermission(Perm.Workforce.Manage);
        schemes.MapPost("/{id:guid}/copy", SchemeFeatures.Copy).RequirePermission(Perm.Workforce.Manage);
        schemes.MapDelete("/{id:guid}", SchemeFeatures.Delete).RequirePermission(Perm.Workforce.Manage);
        schemes.MapGet("/{id:guid}/export", SchemeExcel.Export).RequirePermission(Perm.Workforce.Read).Produces(200, contentType: Xlsx.ContentType);
        schemes.MapPost("/{id:guid}/import", SchemeExcel.Import).RequirePermission(Perm.Workforce.Manage)
            .DisableAntiforgery().WithBodyLimit(SchemeExcel.MaxFileBytes + 1024 * 1024);

        var pay = g.MapGroup("").WithTags("工资");
        pay.MapGet("/payroll", PayrollFeatures.Get).RequirePermission(Perm.Workforce.Read);
        pay.MapGet("/payroll/export", PayrollFeatures.Export).RequirePermission(Perm.Workforce.Read).Produces(200, contentType: Xlsx.ContentType);
        pay.MapGet("/workers/{id:guid}/pay", PayrollFeatures.WorkerPay).RequirePermission(Perm.Workforce.Read);
    }
}
