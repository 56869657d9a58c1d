using Lianxin.Modules.Mobile.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Modules.Mobile.Features;

/// <summary>The mobile-member settings: report schedule, the no-contact threshold, the 四清 windows.</summary>
public static class MobileSettingsFeatures
{
    private static MobileSettingsView View(MobileSettings s) => new(s.ReportFrequency, s.NoContactDays, s.ContactValidDays, s.OrgLifeWindowMonths);

    public static async Task<Ok<MobileSettingsView>> Get(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(View(await SettingsStore.Read<MobileSettings>(db, MobileSettings.Key, ct)));

    public static async Task<Results<Ok<MobileSettingsView>, ValidationProblem>> Update(MobileSettingsInput r, AppDbContext db, CancellationToken ct)
    {
        var s = await SettingsStore.Read<MobileSettings>(db, MobileSettings.Key, ct);
        var errors = new Dictionary<string, string[]>();
        if (r.ReportFrequency is { } f) s.ReportFrequency = f;
        if (r.NoContactDays is { } n) { if (n is < 1 or > 365) errors["noContactDays"] = ["未联系天数应为1至365"]; else s.NoContactDays = n; }
        if (r.ContactValidDays is { } c) { if (c is < 1 or > 365) errors["contactValidDays"] = ["联系方式有效天数应为1至365"]; else s.ContactValidDays = c; }
        if (r.OrgLifeWindowMonths is { } m) { if (m is < 1 or > 12) errors["orgLifeWindowMonths"] = ["组织生活统计月数应为1至12"]; else s.OrgLifeWindowMonths = m; }
        if (errors.Count > 0) return Problems.Validation(errors);
        await SettingsStore.Write(db, MobileSettings.Key, s, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(s));
    }
}
