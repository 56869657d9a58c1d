using System.Diagnostics;
using Lianxin.Modules.Members.Features;
using Lianxin.Platform;
using Lianxin.Platform.Access;
using Lianxin.Platform.Cli;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Lianxin.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Lianxin benchmark: generates a city (济宁市, 11 districts) with N members into a fresh database, then times the
// member list of a clerk at the city committee filtered by one district's subtree (the API's own query code).
// Then times the roster export (city and district) and an import of --import rows (default 10,000).
// Prints figures; asserts nothing. Usage: Lianxin.Bench --db <sqlite:path|postgres://…|Host=…> [--members 1000000] [--queries 300] [--import 10000]
// With --grid-events N [--grids 5000]: the grid-governance benchmark instead (see GridBench.cs).
var db = Arg("--db") ?? throw new ArgumentException("--db is required");
var members = int.Parse(Arg("--members") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
var queries = int.Parse(Arg("--queries") ?? "300", System.Globalization.CultureInfo.InvariantCulture);

var builder = LianxinApp.CreateBuilder([$"--Lianxin:Database={db}", "--Lianxin:DataDirectory=" + Path.Combine(Path.GetTempPath(), "lianxin-bench"),
    "--Logging:LogLevel:Default=Warning", "--Lianxin:Privacy:DataKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    "--Lianxin:Privacy:IndexKey=HxoZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwIBAP/+/fw="]);
await using var app = builder.Build();
var target = app.Services.GetRequiredService<DatabaseTarget>();
Console.WriteLine($"数据库 / database: {target.Describe()}   members: {members:N0}");

DemoSeeder.Generated generated;
using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
    await LianxinCli.Migrate(scope.ServiceProvider);
    var ctx = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    if (await ctx.PartyOrgs.IgnoreQueryFilters().AnyAsync()) throw new InvalidOperationException("The benchmark needs an empty database.");
    var sw = Stopwatch.StartNew();
    generated = await DemoSeeder.GenerateAsync(ctx, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>(), DemoSeeder.CityScale(members), 20261122, default, Console.WriteLine);
    sw.Stop();
    Console.WriteLine($"generate: {generated.Rows:N0} rows ({generated.Orgs:N0} orgs, {generated.People:N0} people, {generated.Members:N0} members) " +
        $"in {sw.Elapsed.TotalSeconds:F1} s = {generated.Rows / sw.Elapsed.TotalSeconds:N0} rows/s");
    var analyze = Stopwatch.StartNew();
    await ctx.Database.ExecuteSqlRawAsync(ctx.IsPostgres ? "VACUUM ANALYZE" : "ANALYZE");
    Console.WriteLine($"analyze: {analyze.Elapsed.TotalSeconds:F1} s");
}

// Grid governance instead (bench/run.sh grid): 5,000 grid polygons and N events in one district.
if (Arg("--grid-events") is { } gridEvents)
{
    await GridBench.RunAsync(app.Services, generated.DistrictOrgIds[0], int.Parse(Arg("--grids") ?? "5000", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(gridEvents, System.Globalization.CultureInfo.InvariantCulture), queries);
    return;
}

// A clerk bound to the city committee lists one district's members, page 1..5, in the default and the name order.
var random = new Random(7);
foreach (var sort in new[] { "org", "name", "-joinedOn" })
{
    var timings = new List<double>();
    for (var i = 0; i < queries + 20; i++)
    {
        using var scope = app.Services.CreateScope();
        var root = generated.RootOrgId;
        var ctx = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rootPath = await ctx.PartyOrgs.IgnoreQueryFilters().Where(o => o.Id == root).Select(o => o.Path).FirstAsync();
        scope.ServiceProvider.GetRequiredService<OrgScope>().RestrictTo(root, rootPath);
        var district = generated.DistrictOrgIds[random.Next(generated.DistrictOrgIds.Count)];
        var sw = Stopwatch.StartNew();
        var page = await MemberReads.Query(ctx, new MemberReads.ListQuery(district, null, null, null, null, random.Next(1, 6), 20, sort), default);
        sw.Stop();
        if (page is null || page.Items.Count != 20) throw new InvalidOperationException("unexpected empty page");
        if (i >= 20) timings.Add(sw.Elapsed.TotalMilliseconds); // the first 20 warm up
    }
    timings.Sort();
    Console.WriteLine($"member list, district subtree (~{members / 11:N0} members), sort={sort,-9} p50 {Pct(0.50):F1} ms  p95 {Pct(0.95):F1} ms  max {timings[^1]:F1} ms  (n={timings.Count})");
    double Pct(double p) => timings[(int)Math.Ceiling(p * timings.Count) - 1];
}

// Roster export: the whole city and one district, streamed; the live heap is measured while writing (it should not grow with the rows).
foreach (var (label, orgId) in new[] { ("city", generated.RootOrgId), ("district", generated.DistrictOrgIds[0]) })
{
    using var scope = app.Services.CreateScope();
    scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
    var ctx = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var path = await ctx.PartyOrgs.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync();
    var ordered = ctx.Members.AsNoTracking().WithinSubtree(ctx.Scope, path).OrderBy(m => m.OrgPath).ThenBy(m => m.NameKey).ThenBy(m => m.Id);
    GC.Collect();
    long peak = 0, rows = 0;
    var baseline = GC.GetTotalMemory(forceFullCollection: true);
    peak = baseline;
    var sw = Stopwatch.StartNew();
    var file = Path.GetTempFileName();
    await using (var fs = new FileStream(file, FileMode.Create, FileAccess.Write))
    {
        async IAsyncEnumerable<object?[]> Counted()
        {
            await foreach (var r in RosterExcel.ExportRows(ctx, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>(), ordered, true, default))
            {
                // Every 5,000 rows: the live heap after a full collection (what the export really holds).
                if (++rows % 5000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                yield return r;
            }
        }
        await Lianxin.Platform.Excel.Xlsx.WriteAsync(fs, [new Lianxin.Platform.Excel.XlsxSheet("党员名册", RosterExcel.Columns, Counted())], default);
    }
    sw.Stop();
    Console.WriteLine($"roster export, {label,-8}: {rows:N0} rows, {new FileInfo(file).Length / 1024.0 / 1024:F1} MB in {sw.Elapsed.TotalSeconds:F1} s " +
        $"({rows / sw.Elapsed.TotalSeconds:N0} rows/s); live heap {baseline / 1024.0 / 1024:F0} MB before, at most {peak / 1024.0 / 1024:F0} MB while writing");
    File.Delete(file);
}

// Roster import: a clerk of one district imports N new members from an .xlsx (every row valid).
var importRows = int.Parse(Arg("--import") ?? "10000", System.Globalization.CultureInfo.InvariantCulture);
using (var scope = app.Services.CreateScope())
{
    var ctx = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var district = generated.DistrictOrgIds[0];
    var districtPath = await ctx.PartyOrgs.IgnoreQueryFilters().Where(o => o.Id == district).Select(o => o.Path).FirstAsync();
    scope.ServiceProvider.GetRequiredService<OrgScope>().RestrictTo(district, districtPath);
    var holders = (await ctx.PartyOrgs.Where(o => o.Kind == Lianxin.Modules.Organizations.Domain.OrgKind.GridBranch).Select(o => o.Name).ToListAsync())
        .GroupBy(n => n).Where(g => g.Count() == 1).Select(g => g.Key).ToList();
    var rng = new Random(11);
    var rowsToImport = Enumerable.Range(0, importRows).Select(i =>
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(i / 1000 * 97 + rng.Next(0, 90)); // (birth, sequence) pairs never repeat
        var id = Lianxin.Modules.Members.Domain.ChineseIdNumber.Compose("371100", birth, i % 1000, i % 2 == 0 ? Lianxin.Modules.Members.Domain.Gender.Male : Lianxin.Modules.Members.Domain.Gender.Female);
        return new object?[] { "导入" + i, id, "139" + (10_000_000 + i), holders[rng.Next(holders.Count)], null, "正式党员", "在职党员",
            birth.AddYears(25).ToString("yyyy-MM-dd"), birth.AddYears(26).ToString("yyyy-MM-dd"), "汉族", "大学本科", "某小区", "志愿者" };
    }).ToList();
    var xlsx = new MemoryStream();
    await Lianxin.Platform.Excel.Xlsx.WriteAsync(xlsx, [new Lianxin.Platform.Excel.XlsxSheet("党员名册", RosterExcel.Columns, Lianxin.Platform.Excel.Xlsx.Rows(rowsToImport))], default);
    var allocated = GC.GetTotalAllocatedBytes();
    var sw = Stopwatch.StartNew();
    var (report, error) = await RosterExcel.ImportRows(ctx, scope.ServiceProvider.GetRequiredService<PersonWriter>(), xlsx, "bench.xlsx", ImportMode.ValidRows, default, Console.WriteLine);
    sw.Stop();
    if (report is null) throw new InvalidOperationException(error);
    Console.WriteLine($"roster import: {report.Total:N0} rows ({report.Created:N0} created, {report.Refused:N0} refused) in {sw.Elapsed.TotalSeconds:F1} s " +
        $"({report.Total / sw.Elapsed.TotalSeconds:N0} rows/s), {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / 1024:F0} MB allocated");
}

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
