using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features.Recruitment;

/// <summary>报名: entry, automatic checks against the conditions, 联审 and scores.</summary>
public static class ApplicationFeatures
{
    public static async Task<Results<Ok<PageOf<ApplicationRow>>, NotFound>> List(Guid id, [AsParameters] ApplicationQuery q, AppDbContext db, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.AsNoTracking().Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = db.RecruitApplications.AsNoTracking().Where(x => x.AnnouncementId == id);
        if (q.PositionId is { } pid) rows = rows.Where(x => x.PositionId == pid);
        if (q.Review is { } review) rows = rows.Where(x => x.Review == review);
        if (!string.IsNullOrWhiteSpace(q.Q)) { var t = q.Q.Trim(); rows = rows.Where(x => x.Name.Contains(t)); }
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<ApplicationRow>([.. list.Select(x => Row(a, x))], total, page, size));
    }

    internal static ApplicationRow Row(RecruitAnnouncement a, RecruitApplication x)
    {
        var p = a.Positions.FirstOrDefault(p => p.Id == x.PositionId);
        var checks = RecruitmentRules.Check(a.Conditions, x.BirthDate, x.Education, x.PoliticalStatus, x.ResidenceCode, a.ApplyTo);
        var overall = checks.Any(c => c.Outcome == CheckOutcome.Fail) ? CheckOutcome.Fail
            : checks.Any(c => c.Outcome == CheckOutcome.Manual) ? CheckOutcome.Manual : CheckOutcome.Pass;
        decimal? total = x.WrittenScore is { } w && x.InterviewScore is { } i ? RecruitmentRules.Total(w, i, a.WrittenWeight, a.InterviewWeight) : null;
        return new ApplicationRow(x.Id, x.AnnouncementId, x.PositionId, p?.Name ?? "", p?.CommunityName ?? "", x.Name, x.Gender,
            WorkforceRules.AgeOn(x.BirthDate, a.ApplyTo), x.IdNumberMasked, x.PhoneMasked, x.Education, x.Education is { } e ? Labels.Of(e) : null,
            x.PoliticalStatus, WorkforceLabels.Of(x.PoliticalStatus), x.ResidenceCode, overall, RecruitmentLabels.Of(overall),
            [.. checks.Select(c => new CheckRow(c.Text, c.Rule, c.Outcome, RecruitmentLabels.Of(c.Outcome), c.Detail))],
            x.Review, RecruitmentLabels.Of(x.Review), x.WrittenScore, x.InterviewScore, total, x.Proposed, x.HiredWorkerId, RecruitmentLabels.StageOf(x), x.Source);
    }

    private static async Task<(RecruitApplication? App, RecruitAnnouncement? Announcement)> Load(AppDbContext db, Guid id, bool track, CancellationToken ct)
    {
        var q = track ? db.RecruitApplications : db.RecruitApplications.AsNoTracking();
        var x = await q.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (x is null) return (null, null);
        var aq = track ? db.RecruitAnnouncements : db.RecruitAnnouncements.AsNoTracking();
        return (x, await aq.Include(a => a.Positions).FirstAsync(a => a.Id == x.AnnouncementId, ct));
    }

    internal static ApplicationDetail Detail(RecruitAnnouncement a, RecruitApplication x) =>
        new(Row(a, x), x.Address, x.Opinions, x.ReviewReason, x.ReviewedOn, x.ReviewedBy, x.HiredOn, a.ReviewDepartments, a.Disqualifications,
            x.CreatedAt, x.UpdatedAt, x.Version);

    public static async Task<Results<Ok<ApplicationDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var (x, a) = await Load(db, id, track: false, ct);
        return x is null ? TypedResults.NotFound() : TypedResults.Ok(Detail(a!, x));
    }

    /// <summary>The field checks of one application (the form and each imported row); Id number parsed when valid.</summary>
    internal static Dictionary<string, List<string>> Check(ApplicationInput r, RecruitAnnouncement a, DateOnly today, bool creating, out ChineseIdNumber? id)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string f, string m) { if (!errors.TryGetValue(f, out var l)) errors[f] = l = []; if (!l.Contains(m)) l.Add(m); }
        id = null;
        if (r.PositionId is not { } pid) Add("positionId", "请选择报考岗位");
        else if (a.Positions.All(p => p.Id != pid)) Add("positionId", "所选岗位不属于本公告");
        if (string.IsNullOrWhiteSpace(r.Name)) Add("name", "请填写姓名");
        else if (r.Name.Trim().Length > 50) Add("name", "姓名不能超过50个字");
        if (creating || !string.IsNullOrWhiteSpace(r.IdNumber))
        {
            if (!ChineseIdNumber.TryParse(r.IdNumber, today, out var parsed, out var error)) Add("idNumber", error);
            else id = parsed;
        }
        if (creating && string.IsNullOrWhiteSpace(r.Phone)) Add("phone", "请填写手机号");
        else if (!string.IsNullOrWhiteSpace(r.Phone) && !MobileNumber.IsValid(MobileNumber.Normalize(r.Phone))) Add("phone", "手机号应为11位中国大陆手机号码");
        if (r.PoliticalStatus is null) Add("politicalStatus", "请选择政治面貌");
        if (!string.IsNullOrWhiteSpace(r.ResidenceCode) && (r.ResidenceCode.Trim() is var code && (code.Length is < 6 or > 12 || !code.All(char.IsAsciiDigit))))
            Add("residenceCode", "地区代码应为6到12位数字（如 520201）");
        if (r.Address?.Trim().Length > 200) Add("address", "地址不能超过200个字");
        if (id is { } born && WorkforceRules.AgeOn(born.BirthDate, a.ApplyTo) < 18) Add("idNumber", "截止报名时应年满18周岁");
        return errors;
    }

    internal static void Apply(RecruitApplication x, ApplicationInput r, ChineseIdNumber? id, PersonalDataProtector protector, DateTime now)
    {
        if (id is { } n) x.SetIdNumber(protector.Encrypt(n.Value), protector.BlindIndex(n.Value), Mask.IdNumber(n.Value));
        if (!string.IsNullOrWhiteSpace(r.Phone))
        {
            var phone = MobileNumber.Normalize(r.Phone);
            x.SetPhone(protector.Encrypt(phone), Mask.Phone(phone));
        }
        x.SetPerson(r.PositionId!.Value, r.Name!.Trim(), id?.Gender ?? x.Gender, id?.BirthDate ?? x.BirthDate, r.Education, r.PoliticalStatus!.Value,
            string.IsNullOrWhiteSpace(r.ResidenceCode) ? null : r.ResidenceCode.Trim(), string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim(), now);
    }

    private static Dictionary<string, string[]> Arrays(Dictionary<string, List<string>> e) => e.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public static async Task<Results<Created<ApplicationDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Create(Guid id, ApplicationInput r,
        AppDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        if (!a.TakesApplications) return Problems.Conflict($"公告当前为“{RecruitmentLabels.Of(a.Status)}”，不能再报名。");
        var errors = Check(r, a, db.Today, creating: true, out var number);
        if (number is { } n)
        {
            var hash = protector.BlindIndex(n.Value);
            if (await db.RecruitApplications.AnyAsync(x => x.AnnouncementId == a.Id && x.IdNumberHash == hash, ct))
                errors["idNumber"] = ["该身份证号已报名本次选聘，不能重复报名"];
        }
        if (errors.Count > 0) return Problems.Validation(Arrays(errors));
        var x = RecruitApplication.Create(Guid.CreateVersion7(), a, ApplicationSource.Entered, db.Now);
        Apply(x, r, number, protector, db.Now);
        db.RecruitApplications.Add(x);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/applications/{x.Id}", Detail(a, x));
    }

    public static async Task<Results<Ok<ApplicationDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Update(Guid id, ApplicationInput r,
        AppDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var (x, a) = await Load(db, id, track: true, ct);
        if (x is null) return TypedResults.NotFound();
        if (!a!.InReview) return Problems.Conflict($"公告当前为“{RecruitmentLabels.Of(a.Status)}”，报名信息不能再修改。");
        if (x.Review != ReviewResult.Pending) return Problems.Conflict("已联审的报名不能修改；如信息有误，请先将联审结果改为待联审。");
        var errors = Check(r, a, db.Today, creating: false, out var number);
        if (number is { } n)
        {
            var hash = protector.BlindIndex(n.Value);
            if (await db.RecruitApplications.AnyAsync(o => o.AnnouncementId == a.Id && o.IdNumberHash == hash && o.Id != x.Id, ct))
                errors["idNumber"] = ["该身份证号已报名本次选聘，不能重复报名"];
        }
        if (errors.Count > 0) return Problems.Validation(Arrays(errors));
        db.ExpectVersion(x, r.Version);
        Apply(x, r, number, protector, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Detail(a, x));
    }

    /// <summary>联审: each configured department's opinion and the result; a failed automatic check cannot pass.</summary>
    public static async Task<Results<Ok<ApplicationDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Review(Guid id, ReviewInput r,
        AppDbContext db, CancellationToken ct)
    {
        var (x, a) = await Load(db, id, track: true, ct);
        if (x is null) return TypedResults.NotFound();
        if (!a!.InReview) return Problems.Conflict($"公告当前为“{RecruitmentLabels.Of(a.Status)}”，不能再联审。");
        if (x.Proposed) return Problems.Conflict("已列入公示名单的人员不能改变联审结果。");
        var errors = new Dictionary<string, string[]>();
        if (r.Result is null) errors["result"] = ["请选择联审结果"];
        var opinions = r.Opinions ?? [];
        var given = opinions.Where(o => !string.IsNullOrWhiteSpace(o.Department)).Select(o => o.Department!.Trim()).ToList();
        var missing = a.ReviewDepartments.Where(d => !given.Contains(d)).ToList();
        if (r.Result is ReviewResult.Passed or ReviewResult.Failed)
        {
            if (missing.Count > 0) errors["opinions"] = [$"请填写{string.Join("、", missing)}的意见"];
            else if (given.Except(a.ReviewDepartments).Any()) errors["opinions"] = ["只能填写本公告所列联审部门的意见"];
            else if (opinions.Any(o => o.Clear is null)) errors["opinions"] = ["请为每个部门选择“无异议”或“有异议”"];
            else if (opinions.Any(o => o.Note?.Trim().Length > 200)) errors["opinions"] = ["每条意见不能超过200个字"];
            else if (opinions.Any(o => o.Clear == false && string.IsNullOrWhiteSpace(o.Note))) errors["opinions"] = ["有异议的部门须写明意见"];
        }
        if (r.Result == ReviewResult.Failed && string.IsNullOrWhiteSpace(r.Reason)) errors["reason"] = ["不通过须写明原因（如不符合的资格条件或不得报考情形）"];
        if (r.Reason?.Trim().Length > 200) errors["reason"] = ["原因不能超过200个字"];
        if (r.Result == ReviewResult.Passed)
        {
            var failed = Row(a, x).Checks.Where(c => c.Outcome == CheckOutcome.Fail).ToList();
            if (failed.Count > 0) errors["result"] = [$"自动审查不符合：{string.Join("；", failed.Select(c => $"{c.Text}（{c.Detail}）"))}，不能通过"];
            else if (opinions.Any(o => o.Clear == false)) errors["result"] = ["有部门提出异议，不能通过"];
        }
        if (errors.Count > 0) return Problems.Validation(errors);
        var list = r.Result == ReviewResult.Pending ? new List<ReviewOpinion>()
            : [.. a.ReviewDepartments.Select(d => opinions.First(o => o.Department!.Trim() == d)).Select(o =>
                new ReviewOpinion(o.Department!.Trim(), o.Clear!.Value, string.IsNullOrWhiteSpace(o.Note) ? null : o.Note.Trim()))];
        x.Record(r.Result!.Value, list, string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim(), db.Today, db.Actor.UserName, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Detail(a, x));
    }

    public static async Task<Results<Ok<ApplicationDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Scores(Guid id, ScoresInput r,
        AppDbContext db, CancellationToken ct)
    {
        var (x, a) = await Load(db, id, track: true, ct);
        if (x is null) return TypedResults.NotFound();
        if (!a!.InReview) return Problems.Conflict($"公告当前为“{RecruitmentLabels.Of(a.Status)}”，成绩不能再修改。");
        if (x.Review != ReviewResult.Passed) return Problems.Conflict("联审通过后才能录入成绩。");
        var errors = new Dictionary<string, string[]>();
        if (r.WrittenScore is { } w && !RecruitmentRules.ValidScore(w)) errors["writtenScore"] = ["笔试成绩应在0到100之间，最多1位小数"];
        if (r.InterviewScore is { } i && !RecruitmentRules.ValidScore(i)) errors["interviewScore"] = ["面试成绩应在0到100之间，最多1位小数"];
        if (errors.Count > 0) return Problems.Validation(errors);
        x.Score(r.WrittenScore, r.InterviewScore, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Detail(a, x));
    }
}
