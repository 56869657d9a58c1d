using Lianxin.Modules.Grids.Features;
using Lianxin.Platform.Access;
using Lianxin.Platform.Http;
using Lianxin.Platform.Jobs;

namespace Lianxin.Modules.Grids;

/// <summary>网格治理: grids and their staff, the event closed loop with routing and escalation, figures, 调解, 排查, Open311 clients.</summary>
public static class GridsModule
{
    public static void AddGrids(this IServiceCollection services)
    {
        services.AddSingleton<GridIndex>();
        services.AddSingleton<EventEscalation>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<EventEscalation>());
        services.AddResidentAuth();
    }

    public static void Map(RouteGroupBuilder api)
    {
        ResidentFeatures.Map(api);
        var g = api.MapGroup("/grid");

        var grids = g.MapGroup("/grids").WithTags("网格");
        grids.MapGet("/", GridFeatures.List).RequirePermission(Perm.Grid.Read);
        grids.MapGet("/export", GridFeatures.Export).RequirePermission(Perm.Grid.Read).Produces(200, contentType: "application/geo+json");
        grids.MapPost("/import", GridFeatures.Import).RequirePermission(Perm.Grid.Write).WithBodyLimit(50L * 1024 * 1024);
        grids.MapGet("/{id:guid}", GridFeatures.Get).RequirePermission(Perm.Grid.Read);
        grids.MapPost("/", GridFeatures.Create).RequirePermission(Perm.Grid.Write).WithBodyLimit(5L * 1024 * 1024);
        grids.MapPut("/{id:guid}", GridFeatures.Update).RequirePermission(Perm.Grid.Write).WithBodyLimit(5L * 1024 * 1024);
        grids.MapDelete("/{id:guid}", GridFeatures.Delete).RequirePermission(Perm.Grid.Write);
        grids.MapPost("/{id:guid}/staff", GridFeatures.AddStaff).RequirePermission(Perm.Grid.Write);
        grids.MapDelete("/{id:guid}/staff/{staffId:guid}", GridFeatures.EndStaff).RequirePermission(Perm.Grid.Write);

        var events = g.MapGroup("/events").WithTags("网格事件");
        events.MapGet("/", EventFeatures.List).RequirePermission(Perm.Grid.Read);
        events.MapGet("/mine", EventFeatures.Mine).RequirePermission(Perm.Grid.Report);
        events.MapGet("/figures", EventFigureFeatures.Get).RequirePermission(Perm.Grid.Read);
        events.MapGet("/map", EventFigureFeatures.Map).RequirePermission(Perm.Grid.Read);
        events.MapGet("/{id:guid}", EventFeatures.Get).RequireAuthorization();
        events.MapPost("/", EventFeatures.Report).RequirePermission(Perm.Grid.Report);
        events.MapPost("/{id:guid}/actions/{action}", EventFeatures.Act).RequireAuthorization();
        events.MapPut("/{id:guid}/place", EventFeatures.Place).RequirePermission(Perm.Grid.Dispatch);
        events.MapPost("/{id:guid}/photos", EventFeatures.UploadPhoto).RequirePermission(Perm.Grid.Report)
            .DisableAntiforgery().WithBodyLimit(55L * 1024 * 1024);
        g.MapGet("/photos/{id:guid}", EventFeatures.Photo).WithTags("网格事件").RequireAuthorization();

        var catalog = g.MapGroup("").WithTags("事件分类与承办单位");
        catalog.MapGet("/categories", CatalogFeatures.Categories).RequireAuthorization();
        catalog.MapPost("/categories", CatalogFeatures.CreateCategory).RequirePermission(Perm.Settings.Write);
        catalog.MapPut("/categories/{id:guid}", CatalogFeatures.UpdateCategory).RequirePermission(Perm.Settings.Write);
        catalog.MapGet("/handling-units", CatalogFeatures.Units).RequirePermission(Perm.Grid.Read);
        catalog.MapPost("/handling-units", CatalogFeatures.CreateUnit).RequirePermission(Perm.Grid.Write);
        catalog.MapPut("/handling-units/{id:guid}", CatalogFeatures.UpdateUnit).RequirePermission(Perm.Grid.Write);

        var cases = g.MapGroup("").WithTags("矛盾纠纷调解与网格排查");
        cases.MapGet("/mediations", CaseFeatures.Mediations).RequirePermission(Perm.Grid.Read);
        cases.MapGet("/mediations/figures", CaseFeatures.MediationFigures).RequirePermission(Perm.Grid.Read);
        cases.MapGet("/mediations/{id:guid}", CaseFeatures.Mediation).RequirePermission(Perm.Grid.Read);
        cases.MapPost("/mediations", CaseFeatures.OpenMediation).RequirePermission(Perm.Grid.Write);
        cases.MapPost("/mediations/{id:guid}/sessions", CaseFeatures.AddSession).RequirePermission(Perm.Grid.Write);
        cases.MapPost("/mediations/{id:guid}/conclude", CaseFeatures.Conclude).RequirePermission(Perm.Grid.Write);
        cases.MapGet("/inspections", CaseFeatures.Inspections).RequirePermission(Perm.Grid.Read);
        cases.MapGet("/inspections/{id:guid}", CaseFeatures.Inspection).RequirePermission(Perm.Grid.Read);
        cases.MapPost("/inspections", CaseFeatures.Schedule).RequirePermission(Perm.Grid.Write);
        cases.MapPost("/inspections/{id:guid}/photos", CaseFeatures.UploadPhoto).RequirePermission(Perm.Grid.Write)
            .DisableAntiforgery().WithBodyLimit(55L * 1024 * 1024);
        cases.MapPost("/inspections/{id:guid}/done", CaseFeatures.MarkDone).RequirePermission(Perm.Grid.Write);
        cases.MapPost("/inspections/{id:guid}/findings", CaseFeatures.AddFinding).RequirePermission(Perm.Grid.Write);
        cases.MapPost("/inspections/{id:guid}/findings/{findingId:guid}/recheck", CaseFeatures.Recheck).RequirePermission(Perm.Grid.Write);

        g.MapGet("/settings", CatalogFeatures.GetSettings).WithTags("系统设置").RequireAuthorization();
        g.MapPut("/settings", CatalogFeatures.UpdateSettings).WithTags("系统设置").RequirePermission(Perm.Settings.Write);
        var clients = g.MapGroup("/open311-clients").WithTags("Open311 接入方");
        clients.MapGet("/", Open311Module.Clients).RequirePermission(Perm.Settings.Write);
        clients.MapPost("/", Open311Module.CreateClient).RequirePermission(Perm.Settings.Write);
        clients.MapDelete("/{id:guid}", Open311Module.RevokeClient).RequirePermission(Perm.Settings.Write);
    }
}
