using Lianxin.Modules.Grids.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Lianxin.Modules.Grids.Features;

/// <summary>Where a point belongs: a grid (and so its community), or only a community queue (flagged), or nowhere known.</summary>
public sealed record Placement(Guid OrgId, string OrgPath, Guid? GridId, string? GridName, bool Outside);

/// <summary>
/// The spatial index of every live grid boundary (an STR-tree over prepared polygons, held in memory by each app
/// instance). Grid writes on this instance drop it at once; other instances notice a change through a cheap stamp
/// (count and newest UpdatedAt of grid_grids) read at most every <see cref="StampInterval"/>, so a boundary edited
/// elsewhere is routed by everyone within seconds. Routing never touches the database beyond that stamp.
/// </summary>
public sealed class GridIndex(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan StampInterval = TimeSpan.FromSeconds(5);

    private sealed record Entry(Guid Id, string Name, string Code, Guid OrgId, string OrgPath, int Depth, IPreparedGeometry Shape, Geometry Raw);
    private sealed record Snapshot(STRtree<Entry> Tree, (int Count, DateTime? Newest) Stamp, int Size);

    private volatile Snapshot? _snapshot;
    private DateTime _checkedAt = DateTime.MinValue;
    private readonly SemaphoreSlim _rebuild = new(1, 1);

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _rebuild.Dispose();

    public int Size => _snapshot?.Size ?? 0;

    /// <summary>The deepest grid whose boundary covers the point (a point on a shared border goes to the grid with the smaller code).</summary>
    public async Task<Placement?> Route(AppDbContext db, double lon, double lat, int nearestMetres, CancellationToken ct)
    {
        var snapshot = await Current(db, ct);
        return Route(snapshot, lon, lat, nearestMetres);
    }

    /// <summary>Routing against the index as it stands (the benchmark's entry point; no database).</summary>
    public Placement? RouteLoaded(double lon, double lat, int nearestMetres) =>
        _snapshot is { } s ? Route(s, lon, lat, nearestMetres) : throw new InvalidOperationException("index not loaded");

    private static Placement? Route(Snapshot snapshot, double lon, double lat, int nearestMetres)
    {
        var point = GridShape.Factory.CreatePoint(new Coordinate(lon, lat));
        Entry? best = null;
        foreach (var e in snapshot.Tree.Query(point.EnvelopeInternal))
        {
            if (!e.Shape.Covers(point)) continue;
            if (best is null || e.Depth > best.Depth || (e.Depth == best.Depth && string.CompareOrdinal(e.Code, best.Code) < 0)) best = e;
        }
        if (best is not null) return new Placement(best.OrgId, best.OrgPath, best.Id, best.Name, false);

        // Outside every grid: the community of the nearest grid within the distance, flagged for a clerk to place.
        var degrees = nearestMetres / 111_320.0;
        var search = new Envelope(lon - degrees / Math.Max(0.2, Math.Cos(lat * Math.PI / 180)), lon + degrees / Math.Max(0.2, Math.Cos(lat * Math.PI / 180)),
            lat - degrees, lat + degrees);
        Entry? nearest = null;
        var nearestDistance = double.MaxValue;
        foreach (var e in snapshot.Tree.Query(search))
        {
            var d = e.Raw.Distance(point);
            if (d < nearestDistance) (nearest, nearestDistance) = (e, d);
        }
        return nearest is null || nearestDistance > degrees ? null : new Placement(nearest.OrgId, nearest.OrgPath, null, null, true);
    }

    private async Task<Snapshot> Current(AppDbContext db, CancellationToken ct)
    {
        var snapshot = _snapshot;
        var now = clock.GetUtcNow().UtcDateTime;
        if (snapshot is not null && now - _checkedAt < StampInterval) return snapshot;
        await _rebuild.WaitAsync(ct);
        try
        {
            snapshot = _snapshot;
            var stamp = await Stamp(db, ct);
            if (snapshot is not null && snapshot.Stamp == stamp) { _checkedAt = now; return snapshot; }
            snapshot = await Build(db, stamp, ct);
            _snapshot = snapshot;
            _checkedAt = now;
            return snapshot;
        }
        finally { _rebuild.Release(); }
    }

    private static async Task<(int, DateTime?)> Stamp(AppDbContext db, CancellationToken ct)
    {
        var all = db.Grids.IgnoreQueryFilters();
        return (await all.CountAsync(ct), await all.MaxAsync(g => (DateTime?)g.UpdatedAt, ct));
    }

    private static async Task<Snapshot> Build(AppDbContext db, (int, DateTime?) stamp, CancellationToken ct)
    {
        // Every instance routes for the whole installation: the index ignores the caller's scope on purpose.
        var rows = await db.Grids.IgnoreQueryFilters().AsNoTracking().Where(g => !g.IsDeleted)
            .Select(g => new { g.Id, g.Name, g.Code, g.OrgId, g.OrgPath, g.ParentId, g.Level, g.Boundary }).ToListAsync(ct);
        var parents = rows.ToDictionary(r => r.Id, r => r.ParentId);
        int DepthOf(Guid id, GridLevel level)
        {
            var depth = level == GridLevel.Dedicated ? 10 : 0;   // a 专属网格 is more specific than the grid around it
            for (var p = parents.GetValueOrDefault(id); p is { } pid && depth < 64; p = parents.GetValueOrDefault(pid)) depth++;
            return depth;
        }
        var tree = new STRtree<Entry>();
        foreach (var r in rows)
        {
            var shape = GridShape.FromWkb(r.Boundary).Geometry;
            tree.Insert(shape.EnvelopeInternal, new Entry(r.Id, r.Name, r.Code, r.OrgId, r.OrgPath, DepthOf(r.Id, r.Level), PreparedGeometryFactory.Prepare(shape), shape));
        }
        tree.Build();
        return new Snapshot(tree, stamp, rows.Count);
    }
}
