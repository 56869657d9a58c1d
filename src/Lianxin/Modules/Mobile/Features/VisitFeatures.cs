using System.Linq.Expressions;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Mobile.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Mobile.Features;

/// <summary>走访慰问 and 建言献策: recorded by either side, listed for a subtree and year.</summary>
public static class VisitFeatures
{
    public sealed record ListQuery(Guid? OrgId, int? Year, Guid? MemberId, int? Page, int? PageSize);

    private sealed record Subject(Guid MemberId, string Name, Guid OrgId, string OrgPath, MobileEpisode? Episode);

    /// <summary>
    /// The member a visit or suggestion is about: one of the caller's own members (home side), or a member flowing in to
    /// the caller's organization under an approved episode (flow-in side). Anyone else is not found.
    /// </summary>
    private static async Task<Subject?> SubjectOf(AppDbContext db, Guid memberId, CancellationToken ct)
    {
        var episode = await db.MobileEpisodes.AsNoTracking().Where(e => e.MemberId == memberId && e.Status == EpisodeStatus.Approved).FirstOrDefaultAsync(ct);
        if (episode is not null) return new Subject(memberId, episode.MemberName, episode.OrgId, episode.OrgPath, episode);
        var m = await db.Members.AsNoTracking().Where(x => x.Id == memberId).Select(x => new { x.Name, x.OrgId, x.OrgPath }).FirstOrDefaultAsync(ct);
        return m is null ? null : new Subject(memberId, m.Name, m.OrgId, m.OrgPath, null);
    }

    // ---- 走访慰问 --------------------------------------------------------------------------------------------------

    public static Task<Results<Ok<PageOf<VisitRow>>, NotFound, ValidationProblem>> Visits([AsParameters] ListQuery q, AppDbContext db, CancellationToken ct) =>
        YearPage<MobileVisit, VisitRow>(db.MobileVisits, q, db, v => v.VisitedOn, async list =>
        {
            var names = await MemberReads.OrgNames(db, list.SelectMany(v => new[] { v.OrgId, v.RecordedByOrgId }), ct);
            return [.. list.Select(v => ToRow(v, names))];
        }, ct);

    /// <summary>A page of one kind of record, both sides' of a subtree, optionally for a year and a member, newest first.</summary>
    private static async Task<Results<Ok<PageOf<TRow>>, NotFound, ValidationProblem>> YearPage<T, TRow>(IQueryable<T> source, ListQuery q, AppDbContext db,
        Expression<Func<T, DateOnly>> dateOf, Func<List<T>, Task<List<TRow>>> toRows, CancellationToken ct) where T : MobileRecord
    {
        var path = await EpisodeFeatures.PathOf(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        if (q.Year is { } year && (year < 2000 || year > db.Today.Year + 1)) return Problems.Validation("year", "年度应在2000年至明年之间");
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = source.AsNoTracking().SharedWithin(db.Scope, path);
        if (q.Year is { } y)
        {
            var date = dateOf.Body;
            var inYear = Expression.AndAlso(
                Expression.GreaterThanOrEqual(date, Expression.Constant(new DateOnly(y, 1, 1))),
                Expression.LessThanOrEqual(date, Expression.Constant(new DateOnly(y, 12, 31))));
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(inYear, dateOf.Parameters));
        }
        if (q.MemberId is { } mid) rows = rows.Where(v => v.MemberId == mid);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(dateOf).ThenByDescending(v => v.CreatedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<TRow>(await toRows(list), total, page, size));
    }

    private static VisitRow ToRow(MobileVisit v, Dictionary<Guid, string> names) =>
        new(v.Id, v.MemberId, v.MemberName, names.GetValueOrDefault(v.OrgId, ""), v.Kind, RecordLabels.Of(v.Kind), v.VisitedOn, v.Visitors, v.Notes,
            v.Problems, v.ProblemsRaised, v.ProblemsSolved, names.GetValueOrDefault(v.RecordedByOrgId, ""), v.Version);

    private static (Dictionary<string, string[]> Errors, string? Visitors) CheckVisit(VisitInput r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Kind is null) errors["kind"] = ["请选择走访类型"];
        if (r.VisitedOn is not { } on) errors["visitedOn"] = ["请填写走访日期"];
        else if (on > today) errors["visitedOn"] = ["走访日期不能晚于今天"];
        else if (on.Year < 2000) errors["visitedOn"] = ["走访日期不能早于2000年"];
        var visitors = r.Visitors?.Trim() ?? "";
        if (visitors.Length == 0) errors["visitors"] = ["请填写走访人"];
        else if (visitors.Length > 100) errors["visitors"] = ["走访人不能超过100个字"];
        if (r.Notes?.Trim().Length > 1000) errors["notes"] = ["走访情况不能超过1000个字"];
        if (r.Problems?.Trim().Length > 1000) errors["problems"] = ["反映问题不能超过1000个字"];
        if (r.ProblemsRaised is < 0 or > 100) errors["problemsRaised"] = ["反映问题数应为0至100"];
        if (r.ProblemsSolved is < 0 or > 100) errors["problemsSolved"] = ["解决问题数应为0至100"];
        return (errors, visitors);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static async Task<Results<Created<VisitRow>, NotFound, ValidationProblem>> RecordVisit(VisitInput r, AppDbContext db, CancellationToken ct)
    {
        var (errors, visitors) = CheckVisit(r, db.Today);
        Subject? subject = null;
        if (r.MemberId is not { } mid) errors["memberId"] = ["请选择走访的流动党员"];
        else if ((subject = await SubjectOf(db, mid, ct)) is null) errors["memberId"] = ["所选党员不存在或不在您的管辖范围内"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var v = MobileVisit.Record(Guid.CreateVersion7(), subject!.Episode, subject.MemberId, subject.Name, subject.OrgId, subject.OrgPath,
            db.Scope.RootOrgId ?? subject.OrgId, db.Actor.UserName, db.Now);
        v.Set(r.Kind!.Value, r.VisitedOn!.Value, visitors!, Clean(r.Notes), Clean(r.Problems), r.ProblemsRaised ?? 0, r.ProblemsSolved ?? 0, db.Now);
        db.MobileVisits.Add(v);
        await db.SaveChangesAsync(ct);
        var names = await MemberReads.OrgNames(db, [v.OrgId, v.RecordedByOrgId], ct);
        return TypedResults.Created($"/api/v1/mobile/visits/{v.Id}", ToRow(v, names));
    }

    public static async Task<Results<Ok<VisitRow>, NotFound, ValidationProblem>> UpdateVisit(Guid id, VisitInput r, AppDbContext db, CancellationToken ct)
    {
        var v = await db.MobileVisits.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (v is null) return TypedResults.NotFound();
        var (errors, visitors) = CheckVisit(r, db.Today);
        if (errors.Count > 0) return Problems.Validation(errors);
        db.ExpectVersion(v, r.Version);
        v.Set(r.Kind!.Value, r.VisitedOn!.Value, visitors!, Clean(r.Notes), Clean(r.Problems), r.ProblemsRaised ?? 0, r.ProblemsSolved ?? 0, db.Now);
        await db.SaveChangesAsync(ct);
        var names = await MemberReads.OrgNames(db, [v.OrgId, v.RecordedByOrgId], ct);
        return TypedResults.Ok(ToRow(v, names));
    }

    // ---- 建言献策 --------------------------------------------------------------------------------------------------

    public static Task<Results<Ok<PageOf<SuggestionRow>>, NotFound, ValidationProblem>> Suggestions([AsParameters] ListQuery q, AppDbContext db, CancellationToken ct) =>
        YearPage<MobileSuggestion, SuggestionRow>(db.MobileSuggestions, q, db, s => s.FiledOn, async list =>
        {
            var names = await MemberReads.OrgNames(db, list.Select(v => v.OrgId), ct);
            return [.. list.Select(s => ToRow(s, names))];
        }, ct);

    private static SuggestionRow ToRow(MobileSuggestion s, Dictionary<Guid, string> names) =>
        new(s.Id, s.MemberId, s.MemberName, names.GetValueOrDefault(s.OrgId, ""), s.FiledOn, s.Area, RecordLabels.Of(s.Area), s.Title, s.Content,
            s.Status, RecordLabels.Of(s.Status), s.Response, s.Version);

    public static async Task<Results<Created<SuggestionRow>, NotFound, ValidationProblem>> FileSuggestion(SuggestionInput r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Subject? subject = null;
        if (r.MemberId is not { } mid) errors["memberId"] = ["请选择提出建议的流动党员"];
        else if ((subject = await SubjectOf(db, mid, ct)) is null) errors["memberId"] = ["所选党员不存在或不在您的管辖范围内"];
        var on = r.FiledOn ?? db.Today;
        if (on > db.Today) errors["filedOn"] = ["提出日期不能晚于今天"];
        else if (on.Year < 2000) errors["filedOn"] = ["提出日期不能早于2000年"];
        if (r.Area is null) errors["area"] = ["请选择建议领域"];
        var title = r.Title?.Trim() ?? "";
        if (title.Length == 0) errors["title"] = ["请填写建议标题"];
        else if (title.Length > 100) errors["title"] = ["标题不能超过100个字"];
        var content = r.Content?.Trim() ?? "";
        if (content.Length == 0) errors["content"] = ["请填写建议内容"];
        else if (content.Length > 2000) errors["content"] = ["建议内容不能超过2000个字"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var s = MobileSuggestion.File(Guid.CreateVersion7(), subject!.Episode, subject.MemberId, subject.Name, subject.OrgId, subject.OrgPath, on,
            r.Area!.Value, title, content, db.Scope.RootOrgId ?? subject.OrgId, db.Actor.UserName, db.Now);
        db.MobileSuggestions.Add(s);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/mobile/suggestions/{s.Id}", ToRow(s, await MemberReads.OrgNames(db, [s.OrgId], ct)));
    }

    public static async Task<Results<Ok<SuggestionRow>, NotFound, ValidationProblem>> Respond(Guid id, SuggestionResponse r, AppDbContext db, CancellationToken ct)
    {
        var s = await db.MobileSuggestions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return TypedResults.NotFound();
        if (r.Status is null) return Problems.Validation("status", "请选择办理状态");
        var response = Clean(r.Response);
        if (response?.Length > 500) return Problems.Validation("response", "办理情况不能超过500个字");
        db.ExpectVersion(s, r.Version);
        s.Respond(r.Status.Value, response, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToRow(s, await MemberReads.OrgNames(db, [s.OrgId], ct)));
    }
}
