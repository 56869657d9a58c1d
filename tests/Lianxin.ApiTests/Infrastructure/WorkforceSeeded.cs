using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Infrastructure;

/// <summary>
/// Workforce records written directly under a street, for the scope tests: each part of the module (roster, pay,
/// recruitment, development) adds the route prefixes of its records with an {id} and the id of one record under the
/// street; prefixes whose records have no GET by id go in NoGet.
/// </summary>
public static partial class WorkforceSeeded
{
    public sealed class ScopeIds
    {
        public Dictionary<string, Guid> Ids { get; } = new(StringComparer.Ordinal);
        public HashSet<string> NoGet { get; } = new(StringComparer.Ordinal);
    }

    public static async Task<ScopeIds> RecordsUnder(TestApp app, Guid streetId)
    {
        var ids = new ScopeIds();
        var worker = await Roster(app, streetId, ids);
        await Pay(app, streetId, worker, ids);
        await Recruitment(app, streetId, worker, ids);
        await Development(app, streetId, worker, ids);
        return ids;
    }

    /// <summary>A worker (and its person) under a branch of the street.</summary>
    private static async Task<Guid> Roster(TestApp app, Guid streetId, ScopeIds ids)
    {
        var branch = await Seeded.BranchUnder(app, streetId);
        var id = await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var person = Person.Create(Guid.CreateVersion7(), "测试社工", db.Now);
            person.SetIdentity("测试社工", Gender.Female, new DateOnly(1995, 3, 1), null, Education.Bachelor, null, db.Now);
            person.SetIdNumber("x", Guid.NewGuid().ToString("N"), "1101**********0000");
            person.AssignTo(branch.Id, branch.Path, null);
            db.People.Add(person);
            var w = Worker.Hire(Guid.CreateVersion7(), person, branch.Id, branch.Path, PoliticalStatus.Masses, WorkerPost.GridWorker, 5, 1, 1, new DateOnly(2022, 1, 1), db.Now);
            db.Workers.Add(w);
            db.WorkerPostChanges.Add(WorkerPostChange.Create(Guid.CreateVersion7(), w, w.HireDate, PostChangeKind.Hire, w.Post, 5, 1, 1, null, "system", db.Now));
            await db.SaveChangesAsync();
            return w.Id;
        });
        ids.Ids["/api/v1/workforce/workers/"] = id;
        var (reserve, filing) = await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var w = await db.Workers.FindAsync(id);
            var r = ReserveEntry.Add(Guid.CreateVersion7(), branch.Id, branch.Path, ReserveKind.CommitteeReserve, id, w!.Name, db.Today, null, db.Now);
            var f = SecretaryFiling.Submit(Guid.CreateVersion7(), w, branch.Id, db.Today, null, db.Now);
            db.ReserveEntries.Add(r);
            db.SecretaryFilings.Add(f);
            await db.SaveChangesAsync();
            return (r.Id, f.Id);
        });
        ids.Ids["/api/v1/workforce/reserve/"] = reserve;
        ids.Ids["/api/v1/workforce/secretary-filings/"] = filing;
        ids.NoGet.UnionWith(["/api/v1/workforce/reserve/", "/api/v1/workforce/secretary-filings/"]);
        return id;
    }
}
