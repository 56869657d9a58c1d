using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Infrastructure;

public static partial class WorkforceSeeded
{
    /// <summary>One record of each kind of this part under the street (see RecordsUnder): a draft scheme version of the street.</summary>
    private static async Task Pay(TestApp app, Guid streetId, Guid workerId, ScopeIds ids)
    {
        var id = await app.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var street = await db.PartyOrgs.IgnoreQueryFilters().FirstAsync(o => o.Id == streetId);
            var s = SalaryScheme.Create(Guid.CreateVersion7(), "测试薪酬体系", street.Id, street.Path, db.Today.AddMonths(1), ["一岗", "二岗"], 2, 3, db.Now);
            s.SetAllowances(100, 300, 600, 30, db.Now);
            s.SetAmounts((p, l, st) => 3000 + p * 100 + l * 10 + st, db.Now);
            db.SalarySchemes.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        ids.Ids["/api/v1/workforce/schemes/"] = id;
    }
}
