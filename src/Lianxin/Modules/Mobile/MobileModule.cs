using Lianxin.Modules.Mobile.Features;
using Lianxin.Modules.OrgLife.Features;
using Lianxin.Platform.Access;

namespace Lianxin.Modules.Mobile;

/// <summary>流动党员: 外出报备 and return, 双向管理, 定期报告, 1+N 结对, 四清, 走访慰问, 建言献策, the yearly figures.</summary>
public static class MobileModule
{
    public static void AddMobile(this IServiceCollection services) =>
        services.AddSingleton<IBranchReminderSource, MobileReminderLines>();

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/mobile");
        var episodes = g.MapGroup("/episodes").WithTags("外出报备");
        episodes.MapGet("/", EpisodeFeatures.List).RequirePermission(Perm.Mobile.Read);
        episodes.MapGet("/{id:guid}", EpisodeFeatures.Get).RequirePermission(Perm.Mobile.Read);
        episodes.MapPost("/", EpisodeFeatures.Register).RequirePermission(Perm.Mobile.Write);
        episodes.MapPut("/{id:guid}", EpisodeFeatures.Update).RequirePermission(Perm.Mobile.Write);
        episodes.MapPost("/{id:guid}/approve", EpisodeFeatures.Approve).RequirePermission(Perm.Mobile.Approve);
        episodes.MapPost("/{id:guid}/reject", EpisodeFeatures.Reject).RequirePermission(Perm.Mobile.Approve);
        episodes.MapPost("/{id:guid}/return", EpisodeFeatures.Return).RequirePermission(Perm.Mobile.Write);
        episodes.MapPost("/{id:guid}/withdraw", EpisodeFeatures.Withdraw).RequirePermission(Perm.Mobile.Write);
        episodes.MapPost("/{id:guid}/reveal-phone", EpisodeFeatures.RevealPhone).RequirePermission(Perm.Member.Reveal);
        episodes.MapPost("/{id:guid}/reports", PairingFeatures.FileReport).RequirePermission(Perm.Mobile.Write);
        episodes.MapPost("/{id:guid}/activities", PairingFeatures.RecordActivity).RequirePermission(Perm.Mobile.Write);
        episodes.MapPost("/{id:guid}/contacts", PairingFeatures.LogContact).RequirePermission(Perm.Mobile.Write);

        g.MapGet("/flow-in-orgs", EpisodeFeatures.FlowInOrgs).WithTags("外出报备").RequirePermission(Perm.Mobile.Write);

        var pairing = g.MapGroup("").WithTags("结对联络");
        pairing.MapGet("/members/{memberId:guid}/liaisons", PairingFeatures.Liaisons).RequirePermission(Perm.Mobile.Read);
        pairing.MapPost("/members/{memberId:guid}/liaisons", PairingFeatures.Pair).RequirePermission(Perm.Mobile.Write);
        pairing.MapDelete("/members/{memberId:guid}/liaisons/{liaisonId:guid}", PairingFeatures.Unpair).RequirePermission(Perm.Mobile.Write);
        pairing.MapGet("/no-contact", PairingFeatures.NoContact).RequirePermission(Perm.Mobile.Read);
        pairing.MapGet("/missing-reports", PairingFeatures.MissingReports).RequirePermission(Perm.Mobile.Read);

        var care = g.MapGroup("").WithTags("走访慰问与建言献策");
        care.MapGet("/visits", VisitFeatures.Visits).RequirePermission(Perm.Mobile.Read);
        care.MapPost("/visits", VisitFeatures.RecordVisit).RequirePermission(Perm.Mobile.Write);
        care.MapPut("/visits/{id:guid}", VisitFeatures.UpdateVisit).RequirePermission(Perm.Mobile.Write);
        care.MapGet("/suggestions", VisitFeatures.Suggestions).RequirePermission(Perm.Mobile.Read);
        care.MapPost("/suggestions", VisitFeatures.FileSuggestion).RequirePermission(Perm.Mobile.Write);
        care.MapPut("/suggestions/{id:guid}", VisitFeatures.Respond).RequirePermission(Perm.Mobile.Write);

        var figures = g.MapGroup("").WithTags("四清与统计");
        figures.MapGet("/four-clear", FourClearFeatures.Summary).RequirePermission(Perm.Mobile.Read);
        figures.MapGet("/four-clear/members", FourClearFeatures.Members).RequirePermission(Perm.Mobile.Read);
        figures.MapGet("/report", FourClearFeatures.YearReport).RequirePermission(Perm.Mobile.Read);
        figures.MapGet("/report/export", FourClearFeatures.ExportYearReport).RequirePermission(Perm.Mobile.Read)
            .Produces(200, contentType: Platform.Excel.Xlsx.ContentType);

        g.MapGet("/settings", MobileSettingsFeatures.Get).WithTags("系统设置").RequireAuthorization();
        g.MapPut("/settings", MobileSettingsFeatures.Update).WithTags("系统设置").RequirePermission(Perm.Settings.Write);
    }
}
