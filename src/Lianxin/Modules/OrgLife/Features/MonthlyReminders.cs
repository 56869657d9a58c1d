using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Http;
using Lianxin.Platform.Jobs;
using Lianxin.Platform.Notifications;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.OrgLife.Features;

public sealed record ReminderResult(int Branches, int Notifications, int Delivered);

/// <summary>
/// 每月提醒制度. On the first day of each month every branch is told what it owes that month (meetings by kind,
/// the themed day, its political birthdays) and what it left undone last month; on the overdue day (a setting,
/// default the 20th) it is told what is still owed. Higher organizations with clerks get a summary of their branches.
/// Each run is claimed in the database (JobClaims), each notification has a dedupe key, and delivery is marked per
/// notification: restarts and parallel instances never send a reminder twice.
/// </summary>
public sealed class MonthlyReminders(IServiceScopeFactory scopes, IEnumerable<INotificationChannel> channels, IEnumerable<IBranchReminderSource> sources,
    ILogger<MonthlyReminders> log) : IScheduledJob
{
    public string Name => "monthly reminders";

    public const string MonthlyJob = "orglife.monthly";
    public const string OverdueJob = "orglife.overdue";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>This instance's name in job claims.</summary>
    public string InstanceId { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[^max..];

    internal sealed record Draft(Guid OrgId, string Title, List<string> Lines, string Link, bool IsSummary = false);

    /// <summary>Runs whatever is due now; returns how many notifications this instance created.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = db.Today;
        var month = YearMonth.Of(today);
        var settings = await SettingsStore.Read<OrgLifeSettings>(db, OrgLifeSettings.Key, ct);
        if (today.Day < settings.OverdueReminderDay) return await Run(db, MonthlyJob, month, overdue: false, ct);
        // Past the overdue day (the app was down, or first started, late in the month): one reminder of what is
        // still owed, not the start-of-month one as well.
        if (!await JobClaims.IsFinished(db, MonthlyJob, month.ToString(), ct)
            && await JobClaims.TryClaim(db, MonthlyJob, month.ToString(), InstanceId, Lease, ct))
            await JobClaims.Finish(db, MonthlyJob, month.ToString(), InstanceId, "superseded by the overdue reminder", ct);
        return await Run(db, OverdueJob, month, overdue: true, ct);
    }

    private async Task<int> Run(AppDbContext db, string job, YearMonth month, bool overdue, CancellationToken ct)
    {
        var runKey = month.ToString();
        if (await JobClaims.IsFinished(db, job, runKey, ct)) return 0;
        if (!await JobClaims.TryClaim(db, job, runKey, InstanceId, Lease, ct)) return 0;
        var prefix = $"{job}:{runKey}:";
        var drafts = await Compose(db, OrgPath.Root, month, overdue, sources, ct);
        var created = await Store(db, prefix, drafts, $"{month.Year}年{month.Month}月{(overdue ? "逾期" : "组织生活")}提醒", ct);
        var delivered = await Deliver(db, prefix, ct);
        await JobClaims.Finish(db, job, runKey, InstanceId, $"{created} created, {delivered} delivered", ct);
        log.LogInformation("Job {Job} {RunKey}: {Created} notifications created, {Delivered} delivered", job, runKey, created, delivered);
        return created;
    }

    private static async Task<int> Store(AppDbContext db, string prefix, List<Draft> drafts, string what, CancellationToken ct)
    {
        // A run taken over from an instance that died part-way keeps what that instance stored.
        var existing = (await db.Notifications.Where(n => n.DedupeKey!.StartsWith(prefix)).Select(n => n.DedupeKey!).ToListAsync(ct)).ToHashSet();
        var fresh = drafts.Where(d => !existing.Contains(prefix + d.OrgId)).ToList();
        foreach (var d in fresh)
            db.Notifications.Add(Notification.Create(d.OrgId, "orglife.reminder", d.Title, d.Lines, d.Link, prefix + d.OrgId, db.Now));
        if (fresh.Count > 0) db.Audit("remind", "组织生活提醒", null, $"{what}：{fresh.Count}个组织");
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    /// <summary>Sends every undelivered notification of a run through each channel and marks it delivered.</summary>
    private async Task<int> Deliver(AppDbContext db, string prefix, CancellationToken ct)
    {
        var pending = await db.Notifications.Where(n => n.DedupeKey!.StartsWith(prefix) && n.DeliveredAt == null).ToListAsync(ct);
        var ids = pending.Select(n => n.OrgId).Distinct().ToList();
        var names = await db.PartyOrgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        foreach (var n in pending)
        {
            var message = new OutboundMessage(n.Id, n.OrgId, names.GetValueOrDefault(n.OrgId, ""), n.Title, n.Lines);
            foreach (var channel in channels) await channel.SendAsync(message, ct);
            n.MarkDelivered(db.Now);
            await db.SaveChangesAsync(ct);
        }
        return pending.Count;
    }

    /// <summary>On demand (POST /orglife/reminders): this month's reminder for the branches of a subtree, now.</summary>
    public async Task<ReminderResult> SendNow(AppDbContext db, string path, CancellationToken ct)
    {
        var month = YearMonth.Of(db.Today);
        var prefix = $"orglife.manual:{Guid.NewGuid():N}:";
        var drafts = await Compose(db, path, month, overdue: false, sources, ct);
        var created = await Store(db, prefix, drafts, $"{month.Year}年{month.Month}月组织生活提醒（手动发送）", ct);
        var delivered = await Deliver(db, prefix, ct);
        return new ReminderResult(drafts.Count(d => !d.IsSummary), created, delivered);
    }

    /// <summary>What every branch in the subtree owes this month (and, monthly, what it left undone last month).</summary>
    internal static async Task<List<Draft>> Compose(AppDbContext db, string path, YearMonth month, bool overdue, IEnumerable<IBranchReminderSource> sources,
        CancellationToken ct)
    {
        var settings = await SettingsStore.Read<OrgLifeSettings>(db, OrgLifeSettings.Key, ct);
        var today = db.Today;
        var prev = month.Previous;
        var branches = await ComplianceFeatures.Branches(db, path, ct);
        if (branches.Count == 0) return [];
        var (extFrom, _) = ComplianceFeatures.Extent(settings, prev, prev);
        var (_, extTo) = ComplianceFeatures.Extent(settings, month, month);
        var tallies = await ComplianceFeatures.Tallies(db, path, extFrom, extTo, ct);
        var now = ComplianceFeatures.Evaluate(branches, tallies, settings, month, month, today).ToDictionary(r => r.Branch.Id);
        var before = ComplianceFeatures.Evaluate(branches, tallies, settings, prev, prev, today).ToDictionary(r => r.Branch.Id);

        // Published plans of the years concerned, and the branches' records against them.
        var years = new[] { prev.Year, month.Year }.Distinct().ToList();
        var plans = await db.ThemedDayPlans.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Include(p => p.Themes)
            .Where(p => years.Contains(p.Year) && p.Status == PlanStatus.Published).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var records = (await db.ThemedDayRecords.AsNoTracking().WithinSubtree(db.Scope, path).Where(r => planIds.Contains(r.PlanId))
            .Select(r => new { r.PlanId, r.Month, r.OrgId }).ToListAsync(ct)).Select(r => (r.PlanId, r.Month, r.OrgId)).ToHashSet();

        // Political birthdays this month, by branch (members of a group belong to the group's branch).
        var birthdayMonths = PartyDates.JoinMonthsFor(month.Year, month.Month);
        var birthdays = await db.Members.AsNoTracking().WithinSubtree(db.Scope, path)
            .Where(m => birthdayMonths.Contains(m.JoinedOn.Month) && m.JoinedOn.Year < month.Year)
            .Select(m => new { m.OrgPath, m.Name, m.JoinedOn }).ToListAsync(ct);
        var branchByPath = branches.ToDictionary(b => b.Path, b => b.Id, StringComparer.Ordinal);
        var birthdaysByBranch = birthdays
            .Where(b => PartyDates.BirthdayIn(b.JoinedOn, month.Year).Month == month.Month)
            .Select(b => (Branch: OrgLifeOrgs.AncestorPaths(b.OrgPath).Select(p => branchByPath.GetValueOrDefault(p)).LastOrDefault(id => id != Guid.Empty), b.Name))
            .Where(x => x.Branch != Guid.Empty).ToLookup(x => x.Branch, x => x.Name);
        var extra = new List<ILookup<Guid, string>>();
        foreach (var source in sources) extra.Add(await source.LinesAsync(db, branchByPath, path, overdue, ct));

        var drafts = new List<Draft>();
        foreach (var b in branches)
        {
            var lines = new List<string>();
            foreach (var kind in MeetingKinds.All)
            {
                var unit = now[b.Id].Units[kind].FirstOrDefault();
                if (unit.Unit.Label is null || unit.State != UnitState.Pending) continue;
                var label = MeetingKinds.Label(kind);
                lines.Add(settings.FrequencyOf(kind) == Frequency.Monthly
                    ? $"{label}：本月应至少召开1次，尚未召开"
                    : $"{label}：{unit.Unit.Label}尚未召开（{MeetingKinds.Label(settings.FrequencyOf(kind))}至少1次）");
            }
            var applicable = plans.Where(p => OrgPath.IsWithin(b.Path, p.OrgPath)).ToList();
            foreach (var p in applicable.Where(p => p.Year == month.Year))
                if (p.Themes.FirstOrDefault(t => t.Month == month.Month) is { } theme && !records.Contains((p.Id, month.Month, b.Id)))
                    lines.Add($"主题党日：本月主题「{theme.Theme}」，尚未记录");
            if (!overdue)
            {
                var names = birthdaysByBranch[b.Id].ToList();
                if (names.Count > 0)
                    lines.Add($"政治生日：本月{names.Count}名党员过政治生日（{string.Join("、", names.Take(8))}{(names.Count > 8 ? "等" : "")}）");
                foreach (var kind in MeetingKinds.All)
                    foreach (var (unit, state) in before[b.Id].Units[kind].Where(u => u.State == UnitState.Missing && u.Unit.To == prev))
                        lines.Add($"逾期：{MeetingKinds.Label(kind)}{unit.Label}未召开");
                foreach (var p in applicable.Where(p => p.Year == prev.Year))
                    if (p.Themes.Any(t => t.Month == prev.Month) && !records.Contains((p.Id, prev.Month, b.Id)))
                        lines.Add($"逾期：{prev.Month}月主题党日未记录");
            }
            foreach (var more in extra) lines.AddRange(more[b.Id]);
            var owes = lines.Any(l => !l.StartsWith("政治生日", StringComparison.Ordinal));
            if (!owes && (overdue || lines.Count == 0)) continue;
            drafts.Add(new Draft(b.Id, overdue ? $"{month.Month}月组织生活待办（截至{today.Day}日仍未完成）" : $"{month.Year}年{month.Month}月组织生活提醒",
                lines, "/orglife/compliance"));
        }

        // A summary for each higher organization that has clerks of its own.
        var userOrgs = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => u.OrgId).Distinct().ToListAsync(ct);
        var higher = await db.PartyOrgs.AsNoTracking().Where(o => userOrgs.Contains(o.Id) && o.Status == OrgStatus.Active)
            .Select(o => new { o.Id, o.Path, o.Kind }).ToListAsync(ct);
        var owing = drafts.ToDictionary(d => d.OrgId);
        foreach (var o in higher.Where(o => OrgKinds.Level(o.Kind) is OrgLevel.Committee or OrgLevel.GeneralBranch
                     && OrgPath.IsWithin(o.Path, path)))
        {
            var mine = branches.Where(b => OrgPath.IsWithin(b.Path, o.Path)).ToList();
            if (mine.Count == 0) continue;
            var pendingNow = mine.Count(b => owing.TryGetValue(b.Id, out var d) && d.Lines.Any(l => !l.StartsWith("政治生日", StringComparison.Ordinal) && !l.StartsWith("逾期", StringComparison.Ordinal)));
            var lateBefore = mine.Count(b => owing.TryGetValue(b.Id, out var d) && d.Lines.Any(l => l.StartsWith("逾期", StringComparison.Ordinal)));
            if (pendingNow == 0 && lateBefore == 0) continue;
            var lines = new List<string> { $"辖区共{mine.Count}个党支部，{pendingNow}个支部{(overdue ? "截至今日仍有" : "本月有")}待开展的组织生活" };
            if (!overdue && lateBefore > 0) lines.Add($"上月有{lateBefore}个支部存在未完成事项");
            drafts.Add(new Draft(o.Id, overdue ? $"{month.Month}月辖区组织生活待办汇总" : $"{month.Year}年{month.Month}月辖区组织生活提醒", lines, "/orglife/compliance", IsSummary: true));
        }
        return drafts;
    }

    public sealed record SendRequest(Guid? OrgId);

    public static async Task<Results<Ok<ReminderResult>, NotFound>> Send(SendRequest request, AppDbContext db, MonthlyReminders reminders, CancellationToken ct)
    {
        var path = request.OrgId is { } id ? await db.PartyOrgs.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct) : db.Scope.RootPath;
        if (path is null) return TypedResults.NotFound();
        return TypedResults.Ok(await reminders.SendNow(db, path, ct));
    }
}
