using Lianxin.Platform.Access;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Audit;

public static class AuditEndpoints
{
    public sealed record AuditRow(long Seq, DateTime At, string UserName, string? Ip, string Action, string ActionLabel,
        string? EntityType, string? EntityId, string Summary, string? Before, string? After);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("审计日志").RequirePermission(Perm.Audit.Read);
        g.MapGet("/", Search);
        g.MapPost("/verify", Verify);
        g.MapGet("/meta", Meta);
    }

    public sealed record Option(string Value, string Label);
    public sealed record AuditMeta(IReadOnlyList<Option> Actions, IReadOnlyList<string> EntityTypes);

    /// <summary>What the filters offer: every action with its label, and the record types present in the log.</summary>
    internal static async Task<Ok<AuditMeta>> Meta(AppDbContext db, CancellationToken ct)
    {
        var types = await db.AuditEntries.Where(a => a.EntityType != null).Select(a => a.EntityType!).Distinct().OrderBy(t => t).ToListAsync(ct);
        return TypedResults.Ok(new AuditMeta([.. AuditActions.Labels.Select(kv => new Option(kv.Key, kv.Value))], types));
    }

    internal static async Task<Ok<PageOf<AuditRow>>> Search(AppDbContext db, DateOnly? from, DateOnly? to, string? userName,
        string? action, string? entityType, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        var query = db.AuditEntries.AsNoTracking();
        // Dates are China Standard Time calendar days.
        if (from is { } f) { var start = ChinaTime.StartOfDayUtc(f); query = query.Where(a => a.At >= start); }
        if (to is { } t) { var end = ChinaTime.StartOfDayUtc(t.AddDays(1)); query = query.Where(a => a.At < end); }
        if (!string.IsNullOrWhiteSpace(userName)) query = query.Where(a => a.UserName == userName.Trim());
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(a => a.Action == action);
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(a => a.Summary.Contains(q.Trim()) || a.EntityId == q.Trim());
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Seq).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<AuditRow>([.. rows.Select(a => new AuditRow(a.Seq, a.At, a.UserName, a.Ip, a.Action,
            AuditActions.Labels.GetValueOrDefault(a.Action, a.Action), a.EntityType, a.EntityId, a.Summary, a.Before, a.After))], total, p, size));
    }

    internal static async Task<Ok<AuditTrail.VerifyResult>> Verify(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuditTrail.VerifyAsync(db, ct));
}
