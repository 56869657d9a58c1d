using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lianxin.Platform.Audit;

/// <summary>Collects audit drafts from tracked changes and appends them to the hash chain.</summary>
public static class AuditTrail
{
    private const long PostgresLockKey = 0x4C69616E78696E; // "Lianxin"
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static string ToJson(object value) => JsonSerializer.Serialize(value, Json);

    public static List<AuditDraft> Collect(ChangeTracker tracker)
    {
        var drafts = new List<AuditDraft>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is not IAuditable auditable) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;

            var props = entry.Properties.Where(p => IsAudited(p)).ToList();
            var id = entry.Properties.FirstOrDefault(p => p.Metadata.IsPrimaryKey())?.CurrentValue?.ToString();
            switch (entry.State)
            {
                case EntityState.Added:
                    drafts.Add(new AuditDraft(AuditActions.Create, auditable.AuditType, id,
                        $"新增{auditable.AuditType}：{auditable.AuditLabel}", null,
                        ToJson(props.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue))));
                    break;
                case EntityState.Deleted:
                    drafts.Add(new AuditDraft(AuditActions.Delete, auditable.AuditType, id,
                        $"删除{auditable.AuditType}：{auditable.AuditLabel}",
                        ToJson(props.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)), null));
                    break;
                default:
                    var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count == 0) break;
                    var softDeleted = changed.Any(p => p.Metadata.Name == "IsDeleted" && Equals(p.CurrentValue, true));
                    var (action, verb) = softDeleted ? (AuditActions.Delete, "删除")
                        : auditable.NameChange([.. changed.Select(p => p.Metadata.Name)]) ?? (AuditActions.Update, "修改");
                    drafts.Add(new AuditDraft(action, auditable.AuditType, id, $"{verb}{auditable.AuditType}：{auditable.AuditLabel}",
                        ToJson(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
                        ToJson(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue))));
                    break;
            }
        }
        return drafts;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IProperty, bool> Audited = new();

    /// <summary>Whether a property's values go into the log (looked up once per property: imports save thousands of rows).</summary>
    private static bool IsAudited(PropertyEntry p) => Audited.GetOrAdd(p.Metadata, m =>
        m.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is null && m.Name is not ("UpdatedAt" or "CreatedAt"));

    /// <summary>
    /// Appends drafts inside the caller's transaction. On PostgreSQL an advisory transaction lock serialises
    /// writers across app instances; SQLite transactions here begin IMMEDIATE and so are already serial.
    /// </summary>
    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<AuditDraft> drafts, CancellationToken ct)
    {
        if (db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);

        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        var seq = last?.Seq ?? 0;
        var prev = last?.Hash ?? Genesis;
        var at = TruncateToMilliseconds(db.Now);
        foreach (var d in drafts)
        {
            var entry = new AuditEntry
            {
                Seq = ++seq, At = at, UserId = d.ActorOverride?.Id ?? db.Actor.UserId, UserName = d.ActorOverride?.Name ?? db.Actor.UserName, Ip = db.Actor.Ip,
                Action = d.Action, EntityType = d.EntityType, EntityId = d.EntityId, Summary = d.Summary,
                Before = d.Before, After = d.After, PrevHash = prev,
            };
            entry.Hash = ComputeHash(entry);
            prev = entry.Hash;
            db.AuditEntries.Add(entry);
        }
        // base.SaveChanges through the normal path: audit entries are not IAuditable, so this adds no drafts.
        await db.SaveChangesAsync(ct);
    }

    private static DateTime TruncateToMilliseconds(DateTime t) =>
        new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static string ComputeHash(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), e.PrevHash,
            e.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            e.UserId?.ToString() ?? "", e.UserName, e.Ip ?? "", e.Action, e.EntityType ?? "", e.EntityId ?? "",
            e.Summary, e.Before ?? "", e.After ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public sealed record VerifyResult(bool Ok, long Checked, long? FirstBrokenSeq, string Message);

    /// <summary>Walks the whole chain in order, in batches, recomputing every hash.</summary>
    public static async Task<VerifyResult> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var prev = Genesis;
        long expectedSeq = 1, count = 0;
        const int batch = 5000;
        while (true)
        {
            var from = expectedSeq;
            var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Seq >= from).OrderBy(a => a.Seq).Take(batch).ToListAsync(ct);
            foreach (var e in rows)
            {
                if (e.Seq != expectedSeq)
                    return new(false, count, expectedSeq, $"第 {expectedSeq} 条记录缺失（链在此处断开）");
                if (e.PrevHash != prev)
                    return new(false, count, e.Seq, $"第 {e.Seq} 条记录与前一条不衔接");
                if (ComputeHash(e) != e.Hash)
                    return new(false, count, e.Seq, $"第 {e.Seq} 条记录的内容与其哈希不符，可能被篡改");
                prev = e.Hash;
                expectedSeq++;
                count++;
            }
            if (rows.Count < batch) break;
        }
        return new(true, count, null, $"已校验 {count} 条记录，日志链完整");
    }
}
