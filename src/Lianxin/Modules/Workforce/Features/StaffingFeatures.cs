using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features;

/// <summary>配备标准 (workers per 10,000 urban residents) and 队伍结构 (age, education, certificates) of any subtree.</summary>
public static class StaffingFeatures
{
    public static async Task<Results<Ok<List<PopulationRow>>, NotFound>> Populations(Guid? orgId, int? year, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return TypedResults.NotFound();
        var y = year ?? db.Today.Year;
        var rows = await db.CommunityPopulations.AsNoTracking().WithinSubtree(db.Scope, path).Where(p => p.Year == y)
            .OrderBy(p => p.OrgPath).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(p => new PopulationRow(p.Id, p.OrgId, p.OrgName, p.Year, p.UrbanResidents, p.UpdatedAt)).ToList());
    }

    /// <summary>Enters (or corrects) the urban population of one community for one year.</summary>
    public static async Task<Results<Ok<PopulationRow>, ValidationProblem>> SetPopulation(PopulationInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.OrgId is null) errors["orgId"] = ["请选择社区"];
        if (r.Year is null or < 2000 or > 2100) errors["year"] = ["请填写年度（2000—2100）"];
        if (r.UrbanResidents is null or < 0 or > 50_000_000) errors["urbanResidents"] = ["请填写城镇常住人口（0—5000万）"];
        var org = r.OrgId is { } id ? await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        if (r.OrgId is not null && org is null) errors["orgId"] = ["所选社区不存在或不在您的管辖范围内"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var row = await db.CommunityPopulations.FirstOrDefaultAsync(p => p.OrgId == org!.Id && p.Year == r.Year, ct);
        if (row is null)
        {
            row = CommunityPopulation.Create(Guid.CreateVersion7(), org!.Id, org.Path, org.Name, r.Year!.Value, r.UrbanResidents!.Value, db.Now);
            db.CommunityPopulations.Add(row);
        }
        else row.Set(r.UrbanResidents!.Value, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PopulationRow(row.Id, row.OrgId, row.OrgName, row.Year, row.UrbanResidents, row.UpdatedAt));
    }

    /// <summary>
    /// The subtree's workers per 10,000 urban residents for a year: in-post workers (在岗; today, or at the end of a past year) over the populations
    /// entered for that year; each community with a population entered against the standard, with its shortfall.
    /// </summary>
    public static async Task<Results<Ok<StaffingReport>, NotFound>> Staffing(Guid? orgId, int? year, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return TypedResults.NotFound();
        var settings = await SettingsStore.Read<WorkforceSettings>(db, WorkforceSettings.Key, ct);
        var y = year ?? db.Today.Year;
        var populations = await db.CommunityPopulations.AsNoTracking().WithinSubtree(db.Scope, path).Where(p => p.Year == y)
            .OrderBy(p => p.OrgPath).ToListAsync(ct);
        // This year: in post today. A past year: in post on its last day (hired by then, and not away or dismissed by then).
        var on = y >= db.Today.Year ? db.Today : new DateOnly(y, 12, 31);
        var workerPaths = await db.Workers.AsNoTracking().WithinSubtree(db.Scope, path)
            .Where(w => w.HireDate <= on && (w.Status == WorkerStatus.Active || w.StatusSince > on))
            .Select(w => w.OrgPath).ToListAsync(ct);
        var communities = populations.Select(p =>
        {
            // a community's workers are those on its own roster and below it (its grids' branches, …)
            var count = workerPaths.Count(wp => wp.StartsWith(p.OrgPath, StringComparison.Ordinal));
            var ratio = WorkforceRules.PerTenThousand(count, p.UrbanResidents, settings.RatioDecimals);
            var shortfall = WorkforceRules.Shortfall(count, p.UrbanResidents, settings.StandardPer10k);
            return new StaffingRow(p.OrgId, p.OrgName, p.UrbanResidents, count, ratio, shortfall, shortfall == 0);
        }).OrderByDescending(c => c.Shortfall).ThenBy(c => c.OrgName, StringComparer.Ordinal).ToList();
        long residents = populations.Sum(p => (long)p.UrbanResidents);
        var total = WorkforceRules.PerTenThousand(workerPaths.Count, residents, settings.RatioDecimals);
        var orgName = orgId is { } oid ? (await MemberReads.OrgNames(db, [oid], ct)).GetValueOrDefault(oid, "") : "全部";
        return TypedResults.Ok(new StaffingReport(orgId, orgName, y, settings.StandardPer10k, (int)Math.Min(int.MaxValue, residents), workerPaths.Count, total,
            residents > 0 && WorkforceRules.Shortfall(workerPaths.Count, residents, settings.StandardPer10k) == 0,
            communities.Count(c => !c.MeetsStandard), communities.Sum(c => c.Shortfall), communities));
    }

    /// <summary>队伍结构 of the in-post workers of a subtree today: age, education, certificates, posts, political status.</summary>
    public static async Task<Results<Ok<StructureReport>, NotFound>> Structure(Guid? orgId, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, orgId, ct);
        if (path is null) return TypedResults.NotFound();
        var settings = await SettingsStore.Read<WorkforceSettings>(db, WorkforceSettings.Key, ct);
        var today = db.Today;
        var workers = await db.Workers.AsNoTracking().Include(w => w.Certificates).WithinSubtree(db.Scope, path)
            .Where(w => w.Status == WorkerStatus.Active).ToListAsync(ct);
        var n = workers.Count;
        Share S(string key, string label, int count) => new(key, label, count, n == 0 ? null : Math.Round(count * 100m / n, 2, MidpointRounding.AwayFromZero));
        var ages = workers.Select(w => WorkforceRules.AgeOn(w.BirthDate, today)).ToList();
        (string Key, string Label, Func<int, bool> In)[] bands =
            [("lt30", "30岁以下", a => a < 30), ("30-34", "30—34岁", a => a is >= 30 and < 35), ("35-44", "35—44岁", a => a is >= 35 and < 45),
             ("45-54", "45—54岁", a => a is >= 45 and < 55), ("55+", "55岁及以上", a => a >= 55)];
        var certs = workers.Select(w => w.CertificateOn(today)).ToList();
        var orgName = orgId is { } oid ? (await MemberReads.OrgNames(db, [oid], ct)).GetValueOrDefault(oid, "") : "全部";
        return TypedResults.Ok(new StructureReport(orgId, orgName, today, n, settings.YoungAge,
            S("young", $"{settings.YoungAge}岁以下", ages.Count(a => a < settings.YoungAge)),
            S("college", "大专及以上学历", workers.Count(w => WorkforceRules.CollegeOrAbove(w.Education))),
            S("certified", "持社会工作者职业资格证书", certs.Count(c => c is not null)),
            S("party", "中共党员（含预备党员）", workers.Count(w => w.PoliticalStatus is PoliticalStatus.PartyMember or PoliticalStatus.ProbationaryMember)),
            [.. Enum.GetValues<WorkerPost>().Select(p => S(p.ToString(), WorkforceLabels.Of(p), workers.Count(w => w.Post == p)))],
            [.. bands.Select(b => S(b.Key, b.Label, ages.Count(b.In)))],
            [.. Enum.GetValues<Education>().Select(e => S(e.ToString(), Labels.Of(e), workers.Count(w => w.Education == e)))
                .Append(S("unknown", "未填写", workers.Count(w => w.Education is null)))],
            [.. Enum.GetValues<CertificateLevel>().Select(c => S(c.ToString(), WorkforceLabels.Of(c), certs.Count(x => x == c)))
                .Append(S("none", "无证书", certs.Count(x => x is null)))]));
    }
}
