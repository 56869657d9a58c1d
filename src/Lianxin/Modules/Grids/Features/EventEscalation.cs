using Lianxin.Modules.Grids.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Jobs;
using Lianxin.Platform.Notifications;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Grids.Features;

/// <summary>
/// 超期上报: an event still being handled past its deadline escalates one organization level up — the parent of its
/// community learns of it in the bell, the timeline records it, and the event joins the overdue list of both. Each
/// event escalates once (a conditional update on the event's version; the notification's dedupe key), however many
/// instances run the job at the same minute.
/// </summary>
public sealed class EventEscalation(IServiceScopeFactory scopes, ILogger<EventEscalation> log) : IScheduledJob
{
    public string Name => "event escalation";
    private const int Batch = 200;

    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = db.Now;
        var done = 0;
        while (true)
        {
            var due = await db.GridEvents.Where(e => EventWorkflow.Handling.Contains(e.Status) && e.Deadline < now && e.EscalatedAt == null)
                .OrderBy(e => e.Deadline).Take(Batch).ToListAsync(ct);
            if (due.Count == 0) break;
            var orgIds = due.Select(e => e.OrgId).Distinct().ToList();
            var parents = await db.PartyOrgs.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ParentId ?? o.Id, ct);
            foreach (var e in due)
            {
                var up = parents.GetValueOrDefault(e.OrgId, e.OrgId);
                e.Escalate(up, now);
                db.EventSteps.Add(EventStep.Of(e, "escalate", e.Status, "系统", null, now, null,
                    $"超过办理时限（{ChinaTime.Format(e.Deadline!.Value)}），已上报上一级党组织"));
                db.Notifications.Add(Notification.Create(up, "grid.overdue", $"事件 {e.Number} 超期未办结",
                    [$"{e.CategoryName}：{Shorten(e.Description)}", $"承办：{e.HandlingUnitName}，时限 {ChinaTime.Format(e.Deadline!.Value)}"],
                    $"/grid/events/{e.Id}", $"grid.overdue:{e.Id}", now));
            }
            try
            {
                await db.SaveChangesAsync(ct);
                done += due.Count;
            }
            catch (DbUpdateException)
            {
                // Another instance escalated some of these at the same moment: start over from what is still due.
                db.ChangeTracker.Clear();
                continue;
            }
            db.ChangeTracker.Clear();
            if (due.Count < Batch) break;
        }
        if (done > 0) log.LogInformation("Escalated {Count} overdue events", done);
        return done;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
