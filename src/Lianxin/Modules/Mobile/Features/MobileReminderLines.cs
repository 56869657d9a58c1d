using Lianxin.Modules.Mobile.Domain;
using Lianxin.Modules.OrgLife.Features;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Mobile.Features;

/// <summary>
/// The home branch's monthly reminder learns about its mobile members: who has not reported on their duties for an
/// ended period (定期报告), who is past the expected return, and (at the start of the month) who nobody has reached.
/// </summary>
public sealed class MobileReminderLines : IBranchReminderSource
{
    public async Task<ILookup<Guid, string>> LinesAsync(AppDbContext db, IReadOnlyDictionary<string, Guid> branchByPath, string path, bool overdue, CancellationToken ct)
    {
        var settings = await SettingsStore.Read<MobileSettings>(db, MobileSettings.Key, ct);
        var today = db.Today;
        Guid BranchOf(string orgPath) => OrgLifeOrgs.AncestorPaths(orgPath).Select(p => branchByPath.GetValueOrDefault(p)).LastOrDefault(id => id != Guid.Empty);

        var lines = new List<(Guid Branch, string Line)>();
        var missing = await PairingFeatures.Missing(db, path, today, settings, ct);
        foreach (var group in missing.GroupBy(m => BranchOf(m.Episode.OrgPath)).Where(g => g.Key != Guid.Empty))
            lines.Add((group.Key, $"流动党员：{group.Count()}人未按期报告在外履责情况（{Names(group.Select(g => $"{g.Episode.MemberName}缺{g.Missing.Count}期"))}）"));

        var open = await db.MobileEpisodes.AsNoTracking().WithinSubtree(db.Scope, path).Where(e => e.Status == EpisodeStatus.Approved)
            .Select(e => new { e.MemberId, e.MemberName, e.OrgPath, e.ExpectedReturnOn }).ToListAsync(ct);
        foreach (var group in open.Where(e => e.ExpectedReturnOn < today).GroupBy(e => BranchOf(e.OrgPath)).Where(g => g.Key != Guid.Empty))
            lines.Add((group.Key, $"流动党员：{group.Count()}人已过预计返回日期，请核实是否返回或续报（{Names(group.Select(g => g.MemberName))}）"));

        if (!overdue)
        {
            var since = today.AddDays(-settings.NoContactDays);
            var ids = open.Select(e => e.MemberId).ToList();
            var reached = (await db.MobileContacts.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
                .Where(c => ids.Contains(c.MemberId) && c.Reachable && c.ContactedOn > since).Select(c => c.MemberId).Distinct().ToListAsync(ct)).ToHashSet();
            foreach (var group in open.Where(e => !reached.Contains(e.MemberId)).GroupBy(e => BranchOf(e.OrgPath)).Where(g => g.Key != Guid.Empty))
                lines.Add((group.Key, $"流动党员：{group.Count()}人超过{settings.NoContactDays}天未联系上，请结对联络员联系（{Names(group.Select(g => g.MemberName))}）"));
        }
        return lines.ToLookup(l => l.Branch, l => l.Line);
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return string.Join("、", list.Take(8)) + (list.Count > 8 ? "等" : "");
    }
}
