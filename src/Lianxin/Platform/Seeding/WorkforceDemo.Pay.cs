using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Seeding;

public static partial class WorkforceDemo
{
    /// <summary>Levels 1 step 1 of 一岗 … 五岗 (六盘水: 一岗 5600 … 五岗 3000 yuan).</summary>
    private static readonly decimal[] PostStart = [5600m, 4950m, 4300m, 3650m, 3000m];

    /// <summary>
    /// The county's 薪酬体系 (the demo root organization): 5岗20级40档 in force since January of last year, and an
    /// adjustment from this year's July 1 (+450 yuan on every cell, a 书记/主任 allowance), so that pay histories cross
    /// the change. Certificate allowances 100/300/600, seniority 30 yuan a year.
    /// </summary>
    private static async Task PayAsync(IServiceProvider sp, IReadOnlyList<Worker> workers, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var root = await db.PartyOrgs.IgnoreQueryFilters().AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Path).FirstOrDefaultAsync(ct);
        if (root is null) return;
        var now = db.Now;
        var today = db.Today;
        string[] posts = ["一岗", "二岗", "三岗", "四岗", "五岗"];
        SalaryScheme Version(DateOnly from, decimal raise, string? note)
        {
            var s = SalaryScheme.Create(Guid.CreateVersion7(), "社区工作者岗位等级序列薪酬体系", root.Id, root.Path, from, posts, 20, 40, now);
            s.Describe(s.Name, from, note, now);
            s.SetAllowances(100m, 300m, 600m, 30m, now);
            s.SetAmounts((p, l, st) => PostStart[p - 1] + (l - 1) * 120m + (st - 1) * 40m + raise, now);
            s.Publish("演示数据", now);
            return s;
        }
        var first = Version(new DateOnly(today.Year - 1, 1, 1), 0m, "5岗20级40档；社会工作者职业资格津贴 100/300/600 元，工龄津贴每年 30 元");
        var second = Version(new DateOnly(today.Year, 7, 1), 450m, "薪酬调整：每格增加 450 元，增设书记/主任岗位津贴");
        second.Allowances.Add(SalaryAllowance.Create(second.Id, 1, "书记/主任岗位津贴", 300m, [WorkerPost.Secretary]));
        db.SalarySchemes.AddRange(first, second);
        await db.SaveChangesAsync(ct);
    }
}
