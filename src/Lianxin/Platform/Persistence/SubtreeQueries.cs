using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Access;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Persistence;

public static class SubtreeQueries
{
    /// <summary>
    /// Rows of a scoped entity inside one organization subtree. The subtree must lie inside the caller's scope
    /// (checked here); its path range then replaces the scope filter's wider range, because SQLite uses only one
    /// pair of bounds per column and would otherwise walk the whole scope to reach the subtree. Without a
    /// subtree the caller's own root is used. This is the one sanctioned lifting of the OrgScope filter.
    /// </summary>
    public static IQueryable<T> WithinSubtree<T>(this IQueryable<T> source, OrgScope scope, string? subtreePath) where T : class, IOrgScoped
    {
        var path = subtreePath ?? scope.RootPath;
        if (path is null) return source; // unrestricted scope and no subtree: the filter's range is already everything
        if (!scope.Contains(path)) throw new InvalidOperationException("The subtree lies outside the caller's scope.");
        var hi = OrgPath.UpperBound(path);
        return source.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(e => string.Compare(e.OrgPath, path) >= 0 && string.Compare(e.OrgPath, hi) < 0);
    }

    /// <summary>
    /// <see cref="WithinSubtree{T}"/> written so that no path index can serve it (the path is compared as an
    /// expression, <c>OrgPath || ''</c>): for a big subtree read newest first, the database then walks a time index
    /// backwards and stops at the page, instead of collecting the whole subtree by path and sorting it. SQLite's
    /// planner would otherwise always take the path range. Same rows, same scope check.
    /// </summary>
    public static IQueryable<T> WithinSubtreeByTime<T>(this IQueryable<T> source, OrgScope scope, string? subtreePath) where T : class, IOrgScoped
    {
        var path = subtreePath ?? scope.RootPath ?? OrgPath.Root;
        if (!scope.Contains(path)) throw new InvalidOperationException("The subtree lies outside the caller's scope.");
        var hi = OrgPath.UpperBound(path);
        return source.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(e => string.Compare(e.OrgPath + "", path) >= 0 && string.Compare(e.OrgPath + "", hi) < 0);
    }

    /// <summary>Rows co-managed by an organization in the subtree (the flow-in side's view of mobile members).</summary>
    public static IQueryable<T> CoManagedWithin<T>(this IQueryable<T> source, OrgScope scope, string? subtreePath) where T : class, ICoManaged
    {
        var (lo, hi) = Range(scope, subtreePath);
        return source.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(e => e.CoOrgPath != null && string.Compare(e.CoOrgPath, lo) >= 0 && string.Compare(e.CoOrgPath, hi) < 0);
    }

    /// <summary>Rows owned or co-managed inside the subtree (both sides' view).</summary>
    public static IQueryable<T> SharedWithin<T>(this IQueryable<T> source, OrgScope scope, string? subtreePath) where T : class, ICoManaged
    {
        var (lo, hi) = Range(scope, subtreePath);
        return source.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(e => (string.Compare(e.OrgPath, lo) >= 0 && string.Compare(e.OrgPath, hi) < 0)
                || (e.CoOrgPath != null && string.Compare(e.CoOrgPath, lo) >= 0 && string.Compare(e.CoOrgPath, hi) < 0));
    }

    private static (string Lo, string Hi) Range(OrgScope scope, string? subtreePath)
    {
        var path = subtreePath ?? scope.RootPath ?? OrgPath.Root;
        if (!scope.Contains(path)) throw new InvalidOperationException("The subtree lies outside the caller's scope.");
        return (path, OrgPath.UpperBound(path));
    }
}
