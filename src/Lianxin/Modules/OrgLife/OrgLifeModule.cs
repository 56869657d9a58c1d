using Lianxin.Modules.OrgLife.Features;
using Lianxin.Platform.Access;
using Lianxin.Platform.Files;
using Lianxin.Platform.Http;
using Lianxin.Platform.Jobs;
using Lianxin.Platform.Notifications;

namespace Lianxin.Modules.OrgLife;

/// <summary>组织生活: 三会一课, compliance, 主题党日, political birthdays and the 50-year medal, monthly reminders.</summary>
public static class OrgLifeModule
{
    public static void AddOrgLife(this IServiceCollection services)
    {
        services.AddSingleton<IFileStore, DatabaseFileStore>();
        services.AddSingleton<INotificationChannel, LoggingNotificationChannel>();
        services.AddSingleton<MonthlyReminders>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<MonthlyReminders>());
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/orglife");
        var meetings = g.MapGroup("/meetings").WithTags("三会一课");
        meetings.MapGet("/", MeetingFeatures.List).RequirePermission(Perm.OrgLife.Read);
        meetings.MapGet("/{id:guid}", MeetingFeatures.Get).RequirePermission(Perm.OrgLife.Read);
        meetings.MapPost("/", MeetingFeatures.Create).RequirePermission(Perm.OrgLife.Write);
        meetings.MapPut("/{id:guid}", MeetingFeatures.Update).RequirePermission(Perm.OrgLife.Write);
        meetings.MapDelete("/{id:guid}", MeetingFeatures.Delete).RequirePermission(Perm.OrgLife.Write);
        meetings.MapPost("/{id:guid}/return", MeetingFeatures.Return).RequirePermission(Perm.OrgLife.Review);
        meetings.MapPost("/{id:guid}/attachments", AttachmentFeatures.ToMeeting).RequirePermission(Perm.OrgLife.Write)
            .DisableAntiforgery().WithBodyLimit(AttachmentFeatures.UploadBodyLimit);
        g.MapGet("/roster", OrgLifeOrgs.GetRoster).WithTags("三会一课").RequirePermission(Perm.OrgLife.Read);

        var attachments = g.MapGroup("/attachments").WithTags("三会一课");
        attachments.MapGet("/{id:guid}", AttachmentFeatures.Download).RequirePermission(Perm.OrgLife.Read);
        attachments.MapDelete("/{id:guid}", AttachmentFeatures.Delete).RequirePermission(Perm.OrgLife.Write);

        var compliance = g.MapGroup("/compliance").WithTags("组织生活落实情况");
        compliance.MapGet("/", ComplianceFeatures.Summary).RequirePermission(Perm.OrgLife.Read);
        compliance.MapGet("/export", ComplianceFeatures.ExportSummary).RequirePermission(Perm.OrgLife.Read).Produces(200, contentType: Platform.Excel.Xlsx.ContentType);
        compliance.MapGet("/branch", ComplianceFeatures.Branch).RequirePermission(Perm.OrgLife.Read);
        compliance.MapGet("/branch/export", ComplianceFeatures.ExportBranch).RequirePermission(Perm.OrgLife.Read).Produces(200, contentType: Platform.Excel.Xlsx.ContentType);

        var plans = g.MapGroup("/themed-plans").WithTags("主题党日");
        plans.MapGet("/", ThemedDayFeatures.List).RequirePermission(Perm.OrgLife.Read);
        plans.MapGet("/{id:guid}", ThemedDayFeatures.Get).RequirePermission(Perm.OrgLife.Read);
        plans.MapGet("/{id:guid}/matrix", ThemedDayFeatures.Matrix).RequirePermission(Perm.OrgLife.Read);
        plans.MapPost("/", ThemedDayFeatures.Create).RequirePermission(Perm.OrgLife.Review);
        plans.MapPut("/{id:guid}", ThemedDayFeatures.Update).RequirePermission(Perm.OrgLife.Review);
        plans.MapPost("/{id:guid}/publish", ThemedDayFeatures.Publish).RequirePermission(Perm.OrgLife.Review);
        plans.MapDelete("/{id:guid}", ThemedDayFeatures.Delete).RequirePermission(Perm.OrgLife.Review);

        var days = g.MapGroup("/themed-days").WithTags("主题党日");
        days.MapGet("/", ThemedDayFeatures.ForBranch).RequirePermission(Perm.OrgLife.Read);
        days.MapGet("/{id:guid}", ThemedDayFeatures.GetRecord).RequirePermission(Perm.OrgLife.Read);
        days.MapPost("/", ThemedDayFeatures.Record).RequirePermission(Perm.OrgLife.Write);
        days.MapPut("/{id:guid}", ThemedDayFeatures.UpdateRecord).RequirePermission(Perm.OrgLife.Write);
        days.MapPost("/{id:guid}/attachments", AttachmentFeatures.ToThemedDay).RequirePermission(Perm.OrgLife.Write)
            .DisableAntiforgery().WithBodyLimit(AttachmentFeatures.UploadBodyLimit);

        var dates = g.MapGroup("").WithTags("政治生日与纪念章");
        dates.MapGet("/birthdays", PartyDateFeatures.Birthdays).RequirePermission(Perm.OrgLife.Read);
        dates.MapGet("/birthdays/export", PartyDateFeatures.ExportBirthdays).RequirePermission(Perm.OrgLife.Read).Produces(200, contentType: Platform.Excel.Xlsx.ContentType);
        dates.MapGet("/medals", PartyDateFeatures.Medals).RequirePermission(Perm.OrgLife.Read);
        dates.MapGet("/medals/export", PartyDateFeatures.ExportMedals).RequirePermission(Perm.OrgLife.Read).Produces(200, contentType: Platform.Excel.Xlsx.ContentType);
        dates.MapPost("/medals", PartyDateFeatures.Award).RequirePermission(Perm.OrgLife.Review);
        dates.MapDelete("/medals/{id:guid}", PartyDateFeatures.Withdraw).RequirePermission(Perm.OrgLife.Review);

        g.MapPost("/reminders", MonthlyReminders.Send).WithTags("消息提醒").RequirePermission(Perm.OrgLife.Review);
        g.MapGet("/settings", SettingsFeatures.Get).WithTags("系统设置").RequireAuthorization();
        g.MapPut("/settings", SettingsFeatures.Update).WithTags("系统设置").RequirePermission(Perm.Settings.Write);
    }
}
