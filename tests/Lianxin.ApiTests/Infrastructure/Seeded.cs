using Lianxin.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Infrastructure;

/// <summary>Finds records of the seeded data set.</summary>
public static class Seeded
{
    public static Task<PartyOrg> Org(TestApp app, Guid id) =>
        app.Db(db => db.PartyOrgs.AsNoTracking().FirstAsync(o => o.Id == id));

    /// <summary>A grid branch (holds members) inside the subtree of the given organization.</summary>
    public static Task<PartyOrg> BranchUnder(TestApp app, Guid ancestorId, OrgKind kind = OrgKind.GridBranch) =>
        app.Db(async db =>
        {
            var path = await db.PartyOrgs.Where(o => o.Id == ancestorId).Select(o => o.Path).FirstAsync();
            var all = await db.PartyOrgs.AsNoTracking().Where(o => o.Kind == kind).ToListAsync();
            return all.Where(o => o.Path.StartsWith(path, StringComparison.Ordinal)).OrderBy(o => o.Path, StringComparer.Ordinal).First();
        });

    public static Task<Guid> AnyMemberUnder(TestApp app, Guid ancestorId) =>
        app.Db(async db =>
        {
            var path = await db.PartyOrgs.Where(o => o.Id == ancestorId).Select(o => o.Path).FirstAsync();
            var hi = OrgPath.UpperBound(path);
            return await db.Members.Where(m => string.Compare(m.OrgPath, path) >= 0 && string.Compare(m.OrgPath, hi) < 0)
                .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        });

    public static Task<Guid> AnyNonMemberPersonUnder(TestApp app, Guid ancestorId) =>
        app.Db(async db =>
        {
            var path = await db.PartyOrgs.Where(o => o.Id == ancestorId).Select(o => o.Path).FirstAsync();
            var hi = OrgPath.UpperBound(path);
            return await db.People.Where(p => string.Compare(p.OrgPath, path) >= 0 && string.Compare(p.OrgPath, hi) < 0
                    && !db.Members.Any(m => m.PersonId == p.Id))
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        });
}
