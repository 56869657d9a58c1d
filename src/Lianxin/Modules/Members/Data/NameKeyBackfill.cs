using Lianxin.Modules.Members.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Members.Data;

/// <summary>
/// Computes the pinyin collation keys that SQL cannot: for rows written before schema version 5 (empty keys), or,
/// with rekey (an offline step after an ICU upgrade), for every row. Runs after migrations, in batches, each in
/// its own transaction, so an interrupted run simply continues next time.
/// </summary>
public static class NameKeyBackfill
{
    private const int Batch = 2000;

    public static async Task<int> RunAsync(AppDbContext db, bool rekey, CancellationToken ct = default)
    {
        var people = db.People.IgnoreQueryFilters();
        var members = db.Members.IgnoreQueryFilters();
        if (rekey)
        {
            await people.ExecuteUpdateAsync(u => u.SetProperty(p => p.NameKey, ""), ct);
            await members.ExecuteUpdateAsync(u => u.SetProperty(m => m.NameKey, ""), ct);
        }
        var changed = 0;
        while (true)
        {
            // Every key written is non-empty (NameOrder.Key never returns ""), so each batch leaves the "pending" set.
            var pendingPeople = await people.Where(p => p.NameKey == "").OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).Take(Batch).ToListAsync(ct);
            var pendingMembers = await members.Where(m => m.NameKey == "").OrderBy(m => m.Id).Select(m => new { m.Id, m.Name }).Take(Batch).ToListAsync(ct);
            if (pendingPeople.Count + pendingMembers.Count == 0) return changed;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var p in pendingPeople)
            {
                var key = NameOrder.Key(p.Name);
                await people.Where(x => x.Id == p.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.NameKey, key), ct);
            }
            foreach (var m in pendingMembers)
            {
                var key = NameOrder.Key(m.Name);
                await members.Where(x => x.Id == m.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.NameKey, key), ct);
            }
            await tx.CommitAsync(ct);
            changed += pendingPeople.Count + pendingMembers.Count;
        }
    }
}
