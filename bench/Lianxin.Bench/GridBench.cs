using System.Diagnostics;
using System.Text.Json;
using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Grids.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Grid governance at scale: 5,000 grid polygons (a lattice of communities in one district) and N events (default
/// 1,000,000) in that district. Times routing a point to its grid (the in-memory index; and with the cross-instance
/// stamp read) and the district's event queue (first pages; the overdue view), as the API runs them. Prints figures only.
/// </summary>
internal static class GridBench
{
    public static async Task RunAsync(IServiceProvider services, Guid districtId, int gridCount, int events, int queries)
    {
        var r = new Random(5);
        List<(Guid OrgId, string Path)> communities;
        using (var scope = services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var districtPath = await db.PartyOrgs.Where(o => o.Id == districtId).Select(o => o.Path).FirstAsync();
            communities = (await db.PartyOrgs.Where(o => o.Path.StartsWith(districtPath) && o.Kind == OrgKind.PartyCommittee && o.Name.EndsWith("社区委员会"))
                .Select(o => new { o.Id, o.Path }).ToListAsync()).Select(o => (o.Id, o.Path)).ToList();

            // A 71 × 71 lattice of 0.002° squares (~200 m), one community per block of cells.
            var side = (int)Math.Ceiling(Math.Sqrt(gridCount));
            var grids = new List<Grid>();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < gridCount; i++)
            {
                var (x, y) = (i % side, i / side);
                var lon = 116.0 + x * 0.002;
                var lat = 35.0 + y * 0.002;
                var json = JsonSerializer.SerializeToElement(new
                {
                    type = "Polygon",
                    coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + 0.002, lat }, new[] { lon + 0.002, lat + 0.002 }, new[] { lon, lat + 0.002 }, new[] { lon, lat } } },
                });
                var c = communities[i * communities.Count / gridCount];
                grids.Add(Grid.Create(c.OrgId, c.Path, null, GridLevel.First, $"网格{i}", $"B{i:D5}", null, 10, 300, GridShape.Parse(json).Shape!, db.Now));
            }
            await new BulkWriter(db).InsertAsync(grids);
            Console.WriteLine($"grids: {gridCount:N0} polygons written in {sw.Elapsed.TotalSeconds:F1} s");

            var cats = await db.EventCategories.Where(c => c.ParentId != null).ToListAsync();
            sw.Restart();
            var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            const int Batch = 50_000;
            for (var done = 0; done < events; done += Batch)
            {
                var list = new List<GridEvent>(Batch);
                for (var i = done; i < Math.Min(events, done + Batch); i++)
                {
                    var g = grids[r.Next(grids.Count)];
                    var c = cats[i % cats.Count];
                    var at = start.AddMinutes(i * 1.0);
                    var e = GridEvent.Report($"B{i:D9}", c, c.ParentId!.Value, (EventNetwork)(i % 5), "事件描述", g.MinLon + 0.001, g.MinLat + 0.001, null,
                        (g.OrgId, g.OrgPath, g.Id, g.Name, false), ReporterKind.GridStaff, "网格员", null, null, at, Guid.CreateVersion7(new DateTimeOffset(at)));
                    e.Apply(EventAction.Accept, at.AddHours(1));
                    e.Dispatch(null, "网格", at.AddHours(48), at.AddHours(2));
                    if (i % 50 != 0)
                    {
                        e.Apply(EventAction.Start, at.AddHours(3));
                        e.Apply(EventAction.Feedback, at.AddHours(20));
                        e.Apply(EventAction.Pass, at.AddHours(24));
                    }
                    list.Add(e);
                }
                await new BulkWriter(db).InsertAsync(list);
            }
            Console.WriteLine($"events: {events:N0} written in {sw.Elapsed.TotalSeconds:F1} s");
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "VACUUM ANALYZE" : "ANALYZE");
        }

        // Routing: random points over the lattice (and a few outside it).
        var index = services.GetRequiredService<GridIndex>();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var load = Stopwatch.StartNew();
            await index.Route(db, 116.001, 35.001, 3000, default);
            Console.WriteLine($"grid index: {index.Size:N0} polygons loaded in {load.Elapsed.TotalMilliseconds:F0} ms");
            var side = Math.Ceiling(Math.Sqrt(gridCount)) * 0.002;
            var points = Enumerable.Range(0, 100_000).Select(_ => (116.0 - 0.01 + r.NextDouble() * (side + 0.02), 35.0 - 0.01 + r.NextDouble() * (side + 0.02))).ToList();
            var sw = Stopwatch.StartNew();
            var inside = 0;
            foreach (var (lon, lat) in points)
                if (index.RouteLoaded(lon, lat, 3000) is { Outside: false }) inside++;
            sw.Stop();
            Console.WriteLine($"routing, in-memory index: {points.Count:N0} points in {sw.Elapsed.TotalMilliseconds:F0} ms = {sw.Elapsed.TotalMilliseconds * 1000 / points.Count:F1} µs per point ({inside:N0} inside a grid)");
            var timings = new List<double>();
            for (var i = 0; i < 2000; i++)
            {
                var (lon, lat) = points[i];
                var t = Stopwatch.StartNew();
                await index.Route(db, lon, lat, 3000, default);
                timings.Add(t.Elapsed.TotalMilliseconds);
            }
            timings.Sort();
            Console.WriteLine($"routing through the API path (stamp read at most every {GridIndex.StampInterval.TotalSeconds:F0} s): p50 {timings[1000] * 1000:F1} µs  p95 {timings[1900] * 1000:F1} µs  max {timings[^1]:F2} ms");
        }

        // The district's event queue as a city clerk opens it: newest first, pages 1..5; and the overdue view.
        foreach (var (label, query) in new[]
                 {
                     ("all, newest first", new EventFeatures.ListQuery(districtId, null, null, null, null, null, null, null, null, null, null, null, 1, 20)),
                     ("overdue", new EventFeatures.ListQuery(districtId, null, null, null, null, true, null, null, null, null, null, null, 1, 20)),
                     ("status=Reported", new EventFeatures.ListQuery(districtId, EventStatus.Reported, null, null, null, null, null, null, null, null, null, null, 1, 20)),
                 })
        {
            var timings = new List<double>();
            for (var i = 0; i < queries + 10; i++)
            {
                using var scope = services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var root = await db.PartyOrgs.IgnoreQueryFilters().Where(o => o.ParentId == null).Select(o => new { o.Id, o.Path }).FirstAsync();
                scope.ServiceProvider.GetRequiredService<OrgScope>().RestrictTo(root.Id, root.Path);
                var sw = Stopwatch.StartNew();
                var result = await EventFeatures.List(query with { Page = r.Next(1, 6) }, db, default);
                sw.Stop();
                if (result.Result is not Microsoft.AspNetCore.Http.HttpResults.Ok<EventPage> ok) throw new InvalidOperationException("list failed");
                if (i == 0) Console.WriteLine($"event list, {label}: total {(ok.Value!.TotalIsLowerBound ? "≥" : "")}{ok.Value.Total:N0}, {ok.Value.Items.Count} on the page");
                if (i >= 10) timings.Add(sw.Elapsed.TotalMilliseconds);
            }
            timings.Sort();
            Console.WriteLine($"event list, district of {events:N0} events, {label,-18} p50 {Pct(0.5):F1} ms  p95 {Pct(0.95):F1} ms  max {timings[^1]:F1} ms (n={timings.Count})");
            double Pct(double p) => timings[(int)Math.Ceiling(p * timings.Count) - 1];
        }
    }
}
