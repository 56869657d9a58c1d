using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Modules.OrgLife.Features;

/// <summary>The organizational-life settings: meeting frequencies, the themed day's required parts, reminder day, upload size.</summary>
public static class SettingsFeatures
{
    private static OrgLifeSettingsView View(OrgLifeSettings s) =>
        new(ComplianceFeatures.Rules(s), s.ThemedDayRequiredParts, s.OverdueReminderDay, s.MaxAttachmentMegabytes);

    public static async Task<Ok<OrgLifeSettingsView>> Get(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(View(await SettingsStore.Read<OrgLifeSettings>(db, OrgLifeSettings.Key, ct)));

    public static async Task<Results<Ok<OrgLifeSettingsView>, ValidationProblem>> Update(OrgLifeSettingsInput r, AppDbContext db, CancellationToken ct)
    {
        var s = await SettingsStore.Read<OrgLifeSettings>(db, OrgLifeSettings.Key, ct);
        var errors = new Dictionary<string, string[]>();
        if (r.Frequencies is { } f)
            foreach (var (kind, freq) in f) s.Frequencies[kind] = freq;
        if (r.ThemedDayRequiredParts is { } parts)
        {
            var clean = parts.Select(p => p?.Trim() ?? "").ToList();
            if (clean.Any(p => p.Length is 0 or > 30)) errors["themedDayRequiredParts"] = ["每个必选环节1至30个字"];
            else if (clean.Count > 10 || clean.Distinct().Count() != clean.Count) errors["themedDayRequiredParts"] = ["必选环节最多10项，且不能重复"];
            else s.ThemedDayRequiredParts = clean;
        }
        if (r.OverdueReminderDay is { } day)
        {
            if (day is < 2 or > 28) errors["overdueReminderDay"] = ["逾期提醒日应为每月2日至28日"];
            else s.OverdueReminderDay = day;
        }
        if (r.MaxAttachmentMegabytes is { } mb)
        {
            if (mb is < 1 or > 50) errors["maxAttachmentMegabytes"] = ["附件大小上限应为1至50 MB"];
            else s.MaxAttachmentMegabytes = mb;
        }
        if (errors.Count > 0) return Problems.Validation(errors);
        await SettingsStore.Write(db, OrgLifeSettings.Key, s, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(s));
    }
}
