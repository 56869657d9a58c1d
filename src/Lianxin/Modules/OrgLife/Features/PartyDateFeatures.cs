using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Excel;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.OrgLife.Features;

public sealed record BirthdayRow(Guid MemberId, string Name, Guid OrgId, string OrgName, DateOnly JoinedOn, DateOnly BirthdayOn, int Years, MemberCategory Category);

public sealed record MedalRow(Guid MemberId, string Name, Guid OrgId, string OrgName, DateOnly JoinedOn, DateOnly FullMemberOn, int PartyAge,
    bool ReachesFiftyThisYear, Guid? AwardId, int? AwardYear, DateOnly? AwardedOn);

public sealed record MedalInput(Guid? MemberId, int? Year, DateOnly? AwardedOn, string? Note);

public sealed record MedalAwardView(Guid Id, Guid MemberId, string MemberName, int Year, DateOnly AwardedOn, string? Note);

/// <summary>Political birthdays (the joining anniversary) and 光荣在党50年 (party age ≥ 50 by 1 July, counted from 转正).</summary>
public static class PartyDateFeatures
{
    public sealed record BirthdayQuery(Guid? OrgId, int? Year, int? Month, int? Page, int? PageSize);

    private static async Task<(IQueryable<Member>? Members, ValidationProblem? Error)> Subtree(AppDbContext db, Guid? orgId, CancellationToken ct)
    {
        if (orgId is not { } id) return (db.Members.AsNoTracking().WithinSubtree(db.Scope, null), null);
        var path = await db.PartyOrgs.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct);
        return path is null ? (null, null) : (db.Members.AsNoTracking().WithinSubtree(db.Scope, path), null);
    }

    private static IQueryable<Member> BirthdaysIn(IQueryable<Member> members, int year, int month)
    {
        var months = PartyDates.JoinMonthsFor(year, month);
        var q = members.Where(m => months.Contains(m.JoinedOn.Month) && m.JoinedOn.Year < year);
        // In a common year March also takes those who joined on 29 February, but February keeps only the 28 days it has.
        if (months.Length > 1) q = q.Where(m => m.JoinedOn.Month == month || m.JoinedOn.Day == 29);
        if (month == 2 && !DateTime.IsLeapYear(year)) q = q.Where(m => m.JoinedOn.Day != 29);
        return q;
    }

    private static (int Year, int Month)? Period(int? year, int? month, DateOnly today, out ValidationProblem? error)
    {
        error = null;
        var y = year ?? today.Year;
        var m = month ?? today.Month;
        if (y is < 1921 or > 2100) error = Problems.Validation("year", "年度不正确");
        else if (m is < 1 or > 12) error = Problems.Validation("month", "月份应为1至12");
        return error is null ? (y, m) : null;
    }

    public static async Task<Results<Ok<PageOf<BirthdayRow>>, NotFound, ValidationProblem>> Birthdays([AsParameters] BirthdayQuery q, AppDbContext db, CancellationToken ct)
    {
        var p = Period(q.Year, q.Month, db.Today, out var error);
        if (error is not null) return error;
        var (members, _) = await Subtree(db, q.OrgId, ct);
        if (members is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var query = BirthdaysIn(members, p!.Value.Year, p.Value.Month);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(m => m.JoinedOn.Month == p.Value.Month ? m.JoinedOn.Day : 0).ThenBy(m => m.NameKey).ThenBy(m => m.Id)
            .Skip((page - 1) * size).Take(size).Select(m => new { m.Id, m.Name, m.OrgId, m.JoinedOn, m.Category }).ToListAsync(ct);
        var names = await MemberReads.OrgNames(db, rows.Select(r => r.OrgId), ct);
        return TypedResults.Ok(new PageOf<BirthdayRow>([.. rows.Select(r => new BirthdayRow(r.Id, r.Name, r.OrgId, names.GetValueOrDefault(r.OrgId, ""),
            r.JoinedOn, PartyDates.BirthdayIn(r.JoinedOn, p.Value.Year), p.Value.Year - r.JoinedOn.Year, r.Category))], total, page, size));
    }

    public static async Task<IResult> ExportBirthdays([AsParameters] BirthdayQuery q, AppDbContext db, CancellationToken ct)
    {
        var p = Period(q.Year, q.Month, db.Today, out var error);
        if (error is not null) return error;
        var (members, _) = await Subtree(db, q.OrgId, ct);
        if (members is null) return TypedResults.NotFound();
        var (year, month) = p!.Value;
        var rows = await BirthdaysIn(members, year, month).OrderBy(m => m.OrgPath).ThenBy(m => m.NameKey)
            .Select(m => new { m.Name, m.OrgId, m.JoinedOn, m.Category }).Take(100_000).ToListAsync(ct);
        var names = await MemberReads.OrgNames(db, rows.Select(r => r.OrgId), ct);
        db.Audit("export", "政治生日", null, $"导出{year}年{month}月政治生日名单，{rows.Count}人");
        await db.SaveChangesAsync(ct);
        return await Xlsx.File($"政治生日_{year}年{month}月.xlsx", [new XlsxSheet("政治生日",
            [new("姓名", 12), new("所在党组织", 30), new("入党日期", 12), new("政治生日", 12), new("入党年数", 10), new("党员类别", 14)],
            Xlsx.Rows(rows.Select(r => new object?[] { r.Name, names.GetValueOrDefault(r.OrgId, ""), r.JoinedOn, PartyDates.BirthdayIn(r.JoinedOn, year),
                year - r.JoinedOn.Year, Labels.Of(r.Category) })))], ct);
    }

    public enum MedalFilter { All, Awarded, NotAwarded, NewThisYear }

    public sealed record MedalQuery(Guid? OrgId, int? Year, MedalFilter? Filter, int? Page, int? PageSize);

    private static IQueryable<Member> Eligible(IQueryable<Member> members, int year)
    {
        var cutoff = PartyDates.MedalCutoff(year);
        return members.Where(m => m.Status == MemberStatus.Full && m.FullMemberOn != null && m.FullMemberOn <= cutoff);
    }

    public static async Task<Results<Ok<PageOf<MedalRow>>, NotFound, ValidationProblem>> Medals([AsParameters] MedalQuery q, AppDbContext db, CancellationToken ct)
    {
        var year = q.Year ?? db.Today.Year;
        if (year is < 1971 or > 2100) return Problems.Validation("year", "年度不正确");
        var (members, _) = await Subtree(db, q.OrgId, ct);
        if (members is null) return TypedResults.NotFound();
        var query = Eligible(members, year);
        var awards = db.MedalAwards.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]);
        var newFrom = PartyDates.MedalCutoff(year - 1);
        query = q.Filter switch
        {
            MedalFilter.Awarded => query.Where(m => awards.Any(a => a.MemberId == m.Id)),
            MedalFilter.NotAwarded => query.Where(m => !awards.Any(a => a.MemberId == m.Id)),
            MedalFilter.NewThisYear => query.Where(m => m.FullMemberOn > newFrom),
            _ => query,
        };
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(m => m.FullMemberOn).ThenBy(m => m.NameKey).ThenBy(m => m.Id).Skip((page - 1) * size).Take(size)
            .Select(m => new { m.Id, m.Name, m.OrgId, m.JoinedOn, FullMemberOn = m.FullMemberOn!.Value }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var given = await awards.AsNoTracking().Where(a => ids.Contains(a.MemberId)).ToDictionaryAsync(a => a.MemberId, ct);
        var names = await MemberReads.OrgNames(db, rows.Select(r => r.OrgId), ct);
        var july = new DateOnly(year, 7, 1);
        return TypedResults.Ok(new PageOf<MedalRow>([.. rows.Select(r =>
        {
            var a = given.GetValueOrDefault(r.Id);
            return new MedalRow(r.Id, r.Name, r.OrgId, names.GetValueOrDefault(r.OrgId, ""), r.JoinedOn, r.FullMemberOn,
                MembershipRules.PartyAge(r.FullMemberOn, july), r.FullMemberOn > newFrom, a?.Id, a?.Year, a?.AwardedOn);
        })], total, page, size));
    }

    public static async Task<Results<Created<MedalAwardView>, ValidationProblem, ProblemHttpResult>> Award(MedalInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = db.Today;
        if (r.Year is not { } year || year < 1971 || year > today.Year) errors["year"] = [$"年度应不晚于{today.Year}年"];
        if (r.AwardedOn is not { } on) errors["awardedOn"] = ["请填写颁发日期"];
        else if (on > today) errors["awardedOn"] = ["颁发日期不能晚于今天"];
        if (r.Note?.Trim().Length > 200) errors["note"] = ["备注不能超过200个字"];
        Member? member = null;
        if (r.MemberId is not { } memberId) errors["memberId"] = ["请选择党员"];
        else if ((member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, ct)) is null) errors["memberId"] = ["党员不存在或不在您的管辖范围内"];
        else if (r.Year is { } y && (member.Status != MemberStatus.Full || member.FullMemberOn is not { } full || full > PartyDates.MedalCutoff(y)))
            errors["memberId"] = [$"{member.Name}截至{y}年7月1日党龄不满50年，不符合颁发条件"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await db.MedalAwards.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(a => a.MemberId == member!.Id, ct))
            return Problems.Conflict($"{member!.Name}已颁发过“光荣在党50年”纪念章。");
        var award = MedalAward.Create(Guid.CreateVersion7(), member!.Id, member.Name, member.OrgId, member.OrgPath, r.Year!.Value, r.AwardedOn!.Value,
            string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), db.Now);
        db.MedalAwards.Add(award);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/orglife/medals/{award.Id}", new MedalAwardView(award.Id, award.MemberId, award.MemberName, award.Year, award.AwardedOn, award.Note));
    }

    public static async Task<Results<NoContent, NotFound>> Withdraw(Guid id, AppDbContext db, CancellationToken ct)
    {
        var a = await db.MedalAwards.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        a.Withdraw();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> ExportMedals([AsParameters] MedalQuery q, AppDbContext db, CancellationToken ct)
    {
        var year = q.Year ?? db.Today.Year;
        if (year is < 1971 or > 2100) return Problems.Validation("year", "年度不正确");
        var (members, _) = await Subtree(db, q.OrgId, ct);
        if (members is null) return TypedResults.NotFound();
        var rows = await Eligible(members, year).OrderBy(m => m.OrgPath).ThenBy(m => m.FullMemberOn)
            .Select(m => new { m.Id, m.Name, m.OrgId, m.JoinedOn, Full = m.FullMemberOn!.Value }).Take(100_000).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var given = await db.MedalAwards.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(a => ids.Contains(a.MemberId)).ToDictionaryAsync(a => a.MemberId, ct);
        var names = await MemberReads.OrgNames(db, rows.Select(r => r.OrgId), ct);
        var july = new DateOnly(year, 7, 1);
        db.Audit("export", "光荣在党50年", null, $"导出{year}年光荣在党50年名单，{rows.Count}人");
        await db.SaveChangesAsync(ct);
        return await Xlsx.File($"光荣在党50年_{year}.xlsx", [new XlsxSheet("名单",
            [new("姓名", 12), new("所在党组织", 30), new("入党日期", 12), new("转正日期", 12), new("截至7月1日党龄", 14), new("颁发情况", 20)],
            Xlsx.Rows(rows.Select(r => new object?[] { r.Name, names.GetValueOrDefault(r.OrgId, ""), r.JoinedOn, r.Full, MembershipRules.PartyAge(r.Full, july),
                given.TryGetValue(r.Id, out var a) ? $"已颁发（{a.AwardedOn:yyyy-MM-dd}）" : "未颁发" })))], ct);
    }
}
