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
// Prints figures; asserts nothing. Usage: Lianxin.Bench --db <sqlite:path|postgres://…|Host=…> [--members 1000000] [--queries 300]
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

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
