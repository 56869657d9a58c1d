using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Notifications;

public sealed record NotificationRow(Guid Id, string Kind, string Title, IReadOnlyList<string> Lines, string? Link, DateTime CreatedAt, bool Read);

public sealed record UnreadCount(int Count);

/// <summary>The bell: notifications addressed to the signed-in user's own organization, with per-user read marks.</summary>
public static class NotificationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("消息提醒").RequireAuthorization();
        g.MapGet("/", List);
        g.MapGet("/unread-count", Unread);
        g.MapPost("/{id:guid}/read", MarkRead);
        g.MapPost("/read-all", MarkAllRead);
    }

    private static IQueryable<Notification> Mine(AppDbContext db) =>
        db.Scope.RootOrgId is { } orgId ? db.Notifications.AsNoTracking().Where(n => n.OrgId == orgId) : db.Notifications.Where(n => false);

    public static async Task<Ok<PageOf<NotificationRow>>> List(bool? unreadOnly, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        var userId = db.Actor.UserId ?? Guid.Empty;
        var q = Mine(db);
        if (unreadOnly == true) q = q.Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((p - 1) * size).Take(size)
            .Select(n => new { n, Read = db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId) }).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<NotificationRow>([.. rows.Select(x => new NotificationRow(x.n.Id, x.n.Kind, x.n.Title, x.n.Lines, x.n.Link, x.n.CreatedAt, x.Read))],
            total, p, size));
    }

    public static async Task<Ok<UnreadCount>> Unread(AppDbContext db, CancellationToken ct)
    {
        var userId = db.Actor.UserId ?? Guid.Empty;
        return TypedResults.Ok(new UnreadCount(await Mine(db).CountAsync(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId), ct)));
    }

    public static async Task<Results<NoContent, NotFound>> MarkRead(Guid id, AppDbContext db, CancellationToken ct)
    {
        if (!await Mine(db).AnyAsync(n => n.Id == id, ct) || db.Actor.UserId is not { } userId) return TypedResults.NotFound();
        if (!await db.NotificationReads.AnyAsync(r => r.NotificationId == id && r.UserId == userId, ct))
        {
            db.NotificationReads.Add(new NotificationRead(id, userId, db.Now));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> MarkAllRead(AppDbContext db, CancellationToken ct)
    {
        if (db.Actor.UserId is not { } userId) return TypedResults.NoContent();
        var unread = await Mine(db).Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId)).Select(n => n.Id).ToListAsync(ct);
        foreach (var id in unread) db.NotificationReads.Add(new NotificationRead(id, userId, db.Now));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
