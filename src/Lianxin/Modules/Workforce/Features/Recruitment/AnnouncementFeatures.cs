using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features.Recruitment;

/// <summary>招聘公告: list, form (positions, conditions, disqualifications, weights), open, 公示 and hiring.</summary>
public static class AnnouncementFeatures
{
    public const int MaxPositions = 50;
    public const int MaxChecklist = 30;

    public static async Task<Results<Ok<PageOf<AnnouncementRow>>, NotFound>> List([AsParameters] AnnouncementQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = db.RecruitAnnouncements.AsNoTracking().WithinSubtree(db.Scope, path);
        if (q.Status is { } s) rows = rows.Where(a => a.Status == s);
        if (q.Year is { } y) rows = rows.Where(a => a.ApplyFrom >= new DateOnly(y, 1, 1) && a.ApplyFrom <= new DateOnly(y, 12, 31));
        if (!string.IsNullOrWhiteSpace(q.Q)) { var t = q.Q.Trim(); rows = rows.Where(a => a.Title.Contains(t)); }
        var total = await rows.CountAsync(ct);
        var list = await rows.Include(a => a.Positions).OrderByDescending(a => a.ApplyFrom).ThenByDescending(a => a.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<AnnouncementRow>(await Rows(db, list, ct), total, page, size));
    }

    private static async Task<List<AnnouncementRow>> Rows(AppDbContext db, List<RecruitAnnouncement> list, CancellationToken ct)
    {
        var ids = list.Select(a => a.Id).ToList();
        var counts = await db.RecruitApplications.AsNoTracking().Where(x => ids.Contains(x.AnnouncementId))
            .GroupBy(x => x.AnnouncementId)
            .Select(g => new { Id = g.Key, All = g.Count(), Passed = g.Count(x => x.Review == ReviewResult.Passed), Hired = g.Count(x => x.HiredWorkerId != null) })
            .ToDictionaryAsync(x => x.Id, ct);
        var orgNames = await MemberReads.OrgNames(db, list.Select(a => a.OrgId), ct);
        return [.. list.Select(a =>
        {
            var c = counts.GetValueOrDefault(a.Id);
            return new AnnouncementRow(a.Id, a.OrgId, orgNames.GetValueOrDefault(a.OrgId, ""), a.Title, a.ApplyFrom, a.ApplyTo, a.Status,
                RecruitmentLabels.Of(a.Status), a.Positions.Count, a.Positions.Sum(p => p.Places), c?.All ?? 0, c?.Passed ?? 0, c?.Hired ?? 0,
                a.PublicityFrom, a.PublicityTo);
        })];
    }

    public static async Task<Results<Ok<AnnouncementDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.AsNoTracking().Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? TypedResults.NotFound() : TypedResults.Ok(await Detail(db, a, ct));
    }

    public static Ok<AnnouncementDefaults> Defaults() => TypedResults.Ok(new AnnouncementDefaults(
        [.. RecruitmentDefaults.Conditions().Select(View)], RecruitmentDefaults.Disqualifications(), RecruitmentDefaults.ReviewDepartments(),
        0.4m, 0.6m, 5, true));

    internal static ConditionView View(RecruitCondition c) => new(c.Text, c.Rule, RecruitmentLabels.Of(c.Rule), c.MaxAge, c.MinEducation,
        c.MinEducation is { } e ? Labels.Of(e) : null, c.RegionPrefixes, c.Politics ?? []);

    internal static async Task<AnnouncementDetail> Detail(AppDbContext db, RecruitAnnouncement a, CancellationToken ct)
    {
        var row = (await Rows(db, [a], ct))[0];
        var perPosition = await db.RecruitApplications.AsNoTracking().Where(x => x.AnnouncementId == a.Id)
            .GroupBy(x => x.PositionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var positions = a.Positions.OrderBy(p => p.SortOrder).Select(p => new PositionRow(p.Id, p.Name, p.Post, WorkforceLabels.Of(p.Post), p.CommunityId,
            p.CommunityName, p.Places, p.PayPost, p.Level, p.Step, perPosition.GetValueOrDefault(p.Id))).ToList();
        PublicityView? publicity = null;
        if (a.PublicityFrom is { } from && a.PublicityTo is { } to)
        {
            var ranking = await Ranking(db, a, ct);
            var ranks = ranking.Positions.SelectMany(p => p.Rows.Select(r => (p, r))).ToDictionary(x => x.r.ApplicationId);
            var rows = ranks.Values.Where(x => x.r.Proposed).OrderBy(x => a.Positions.First(p => p.Id == x.p.PositionId).SortOrder).ThenBy(x => x.r.HiringOrder)
                .Select(x => new PublicityRow(RecruitmentRules.MaskName(x.r.Name), x.p.PositionName, x.p.CommunityName, x.r.Total, x.r.Rank, x.r.Hired)).ToList();
            publicity = new PublicityView(from, to, a.PublicityDays, a.PublicityWorkingDays, db.Today > to, rows);
        }
        var blocked = HireBlocked(a, db.Today);
        return new AnnouncementDetail(row, positions, [.. a.Conditions.Select(View)], a.Disqualifications, a.ReviewDepartments, a.WrittenWeight,
            a.InterviewWeight, a.PublicityDays, a.PublicityWorkingDays, a.Note, publicity, blocked is null, blocked, a.CreatedAt, a.UpdatedAt, a.Version);
    }

    /// <summary>Why hiring is not possible yet (null: it is).</summary>
    internal static string? HireBlocked(RecruitAnnouncement a, DateOnly today) => a.Status switch
    {
        AnnouncementStatus.Closed => "本次选聘已结束",
        AnnouncementStatus.Publicized when a.PublicityTo is { } to && today <= to => $"公示期至{to:yyyy年M月d日}，公示期满后（{to.AddDays(1):yyyy年M月d日}起）才能聘用",
        AnnouncementStatus.Publicized => null,
        _ => "拟聘用人员公示后才能聘用",
    };

    // ---- form ----

    private sealed record Checked(Dictionary<string, string[]> Errors, PartyOrg? Org, Dictionary<Guid, PartyOrg> Communities);

    private static async Task<Checked> Check(AnnouncementInput r, AppDbContext db, PartyOrg? fixedOrg, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string f, string m) { if (!errors.TryGetValue(f, out var l)) errors[f] = l = []; if (!l.Contains(m)) l.Add(m); }
        var org = fixedOrg;
        if (org is null)
        {
            if (r.OrgId is not { } orgId) Add("orgId", "请选择组织选聘的县（区）或街道");
            else if ((org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == orgId, ct)) is null) Add("orgId", "所选组织不存在或不在您的管辖范围内");
            else if (org.Status == OrgStatus.Closed) { Add("orgId", "所选组织已撤销"); org = null; }
        }
        if (string.IsNullOrWhiteSpace(r.Title)) Add("title", "请填写公告标题");
        else if (r.Title.Trim().Length > 100) Add("title", "标题不能超过100个字");
        if (r.ApplyFrom is null) Add("applyFrom", "请填写报名开始日期");
        if (r.ApplyTo is null) Add("applyTo", "请填写报名截止日期");
        else if (r.ApplyFrom is { } f && r.ApplyTo < f) Add("applyTo", "报名截止日期不能早于开始日期");
        else if (r.ApplyFrom is { } f2 && r.ApplyTo > f2.AddYears(1)) Add("applyTo", "报名期不能超过一年");
        if (r.WrittenWeight is null) Add("writtenWeight", "请填写笔试成绩权重");
        if (r.InterviewWeight is null) Add("interviewWeight", "请填写面试成绩权重");
        if (r.WrittenWeight is { } ww && r.InterviewWeight is { } iw && !RecruitmentRules.ValidWeights(ww, iw))
            Add("writtenWeight", "笔试、面试权重应在0到1之间（最多3位小数），且两者之和为1");
        if (r.PublicityDays is null or < 1 or > 30) Add("publicityDays", "公示天数应在1到30之间");
        if (r.Note?.Trim().Length > 1000) Add("note", "说明不能超过1000个字");

        var conditions = r.Conditions ?? [];
        if (conditions.Count == 0) Add("conditions", "请至少列出一项资格条件");
        if (conditions.Count > MaxChecklist) Add("conditions", $"资格条件不能超过{MaxChecklist}项");
        for (var i = 0; i < conditions.Count && i < MaxChecklist; i++)
        {
            var c = conditions[i];
            var f = $"conditions[{i}]";
            if (string.IsNullOrWhiteSpace(c.Text)) Add($"{f}.text", $"第{i + 1}项资格条件：请填写条件内容");
            else if (c.Text.Trim().Length > 200) Add($"{f}.text", $"第{i + 1}项资格条件不能超过200个字");
            switch (c.Rule ?? ConditionRule.None)
            {
                case ConditionRule.MaxAge when c.MaxAge is null or < 18 or > 70: Add($"{f}.maxAge", $"第{i + 1}项：年龄上限应在18到70之间"); break;
                case ConditionRule.MinEducation when c.MinEducation is null: Add($"{f}.minEducation", $"第{i + 1}项：请选择最低学历"); break;
                case ConditionRule.Residence when RecruitmentRules.Prefixes(c.RegionPrefixes) is var ps && ps.Any(p => p.Length is < 2 or > 12 || !p.All(char.IsAsciiDigit)):
                    Add($"{f}.regionPrefixes", $"第{i + 1}项：地区代码应为2到12位数字，多个用逗号分隔"); break;
                case ConditionRule.Politics when c.Politics is not { Count: > 0 }: Add($"{f}.politics", $"第{i + 1}项：请选择符合条件的政治面貌"); break;
            }
        }
        var disq = r.Disqualifications ?? [];
        if (disq.Count > MaxChecklist) Add("disqualifications", $"不得报考情形不能超过{MaxChecklist}项");
        if (disq.Any(d => string.IsNullOrWhiteSpace(d) || d.Trim().Length > 200)) Add("disqualifications", "每项不得报考情形1到200个字");
        var deps = (r.ReviewDepartments ?? []).Select(d => d?.Trim() ?? "").ToList();
        if (deps.Count == 0) Add("reviewDepartments", "请列出参加联审的部门（如组织、政法、民政、公安）");
        else if (deps.Any(d => d.Length is 0 or > 30)) Add("reviewDepartments", "每个部门名称1到30个字");
        else if (deps.Distinct().Count() != deps.Count) Add("reviewDepartments", "联审部门有重复");
        else if (deps.Count > 12) Add("reviewDepartments", "联审部门不能超过12个");

        var positions = r.Positions ?? [];
        var communities = new Dictionary<Guid, PartyOrg>();
        if (positions.Count == 0) Add("positions", "请至少设置一个岗位");
        if (positions.Count > MaxPositions) Add("positions", $"岗位不能超过{MaxPositions}个");
        var ids = positions.Where(p => p.CommunityId is not null).Select(p => p.CommunityId!.Value).Distinct().ToList();
        foreach (var o in await db.PartyOrgs.Where(o => ids.Contains(o.Id)).ToListAsync(ct)) communities[o.Id] = o;
        for (var i = 0; i < positions.Count && i < MaxPositions; i++)
        {
            var p = positions[i];
            var f = $"positions[{i}]";
            var n = $"第{i + 1}个岗位";
            if (string.IsNullOrWhiteSpace(p.Name)) Add($"{f}.name", $"{n}：请填写岗位名称");
            else if (p.Name.Trim().Length > 50) Add($"{f}.name", $"{n}：名称不能超过50个字");
            if (p.Post is null) Add($"{f}.post", $"{n}：请选择岗位类别");
            if (p.CommunityId is not { } cid) Add($"{f}.communityId", $"{n}：请选择用人社区");
            else if (!communities.TryGetValue(cid, out var community)) Add($"{f}.communityId", $"{n}：所选社区不存在或不在您的管辖范围内");
            else if (community.Status == OrgStatus.Closed) Add($"{f}.communityId", $"{n}：所选社区已撤销");
            else if (org is not null && !community.Path.StartsWith(org.Path, StringComparison.Ordinal))
                Add($"{f}.communityId", $"{n}：用人社区应在{org.Name}之下");
            if (p.Places is null or < 1 or > 100) Add($"{f}.places", $"{n}：招聘人数应在1到100之间");
            if (p.PayPost is null or < 1 or > 99) Add($"{f}.payPost", $"{n}：请填写起聘薪酬岗（从1开始）");
            if (p.Level is null or < 1 or > 99) Add($"{f}.level", $"{n}：请填写起聘薪级（从1开始）");
            if (p.Step is null or < 1 or > 99) Add($"{f}.step", $"{n}：请填写起聘档次（从1开始）");
        }
        return new Checked(errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), org, communities);
    }

    private static void Apply(RecruitAnnouncement a, AnnouncementInput r, Dictionary<Guid, PartyOrg> communities, AppDbContext db)
    {
        a.Edit(r.Title!.Trim(), r.ApplyFrom!.Value, r.ApplyTo!.Value,
            [.. r.Conditions!.Select(c => Condition(c))],
            [.. (r.Disqualifications ?? []).Select(d => d.Trim())],
            [.. r.ReviewDepartments!.Select(d => d.Trim())],
            r.WrittenWeight!.Value, r.InterviewWeight!.Value, r.PublicityDays!.Value, r.PublicityWorkingDays ?? true,
            string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), db.Now);
        var keep = r.Positions!.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToHashSet();
        foreach (var gone in a.Positions.Where(p => !keep.Contains(p.Id)).ToList())
        {
            a.Positions.Remove(gone);
            db.RecruitPositions.Remove(gone);
        }
        var order = 0;
        foreach (var p in r.Positions!)
        {
            var position = p.Id is { } pid ? a.Positions.FirstOrDefault(x => x.Id == pid) : null;
            if (position is null)
            {
                position = RecruitPosition.Create(Guid.CreateVersion7(), a.Id);
                a.Positions.Add(position);
                db.RecruitPositions.Add(position);
            }
            var community = communities[p.CommunityId!.Value];
            position.Set(p.Name!.Trim(), p.Post!.Value, community.Id, community.Name, p.Places!.Value, p.PayPost!.Value, p.Level!.Value, p.Step!.Value, order++);
        }
    }

    private static RecruitCondition Condition(ConditionInput c)
    {
        var rule = c.Rule ?? ConditionRule.None;
        return new RecruitCondition(c.Text!.Trim(), rule,
            rule == ConditionRule.MaxAge ? c.MaxAge : null,
            rule == ConditionRule.MinEducation ? c.MinEducation : null,
            rule == ConditionRule.Residence && RecruitmentRules.Prefixes(c.RegionPrefixes) is { Count: > 0 } ps ? string.Join(",", ps) : null,
            rule == ConditionRule.Politics ? [.. c.Politics!.Distinct()] : null);
    }

    public static async Task<Results<Created<AnnouncementDetail>, ValidationProblem>> Create(AnnouncementInput r, AppDbContext db, CancellationToken ct)
    {
        var c = await Check(r, db, null, ct);
        if (c.Errors.Count > 0) return Problems.Validation(c.Errors);
        var a = RecruitAnnouncement.Create(Guid.CreateVersion7(), c.Org!.Id, c.Org.Path, db.Now);
        db.RecruitAnnouncements.Add(a);
        Apply(a, r, c.Communities, db);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/announcements/{a.Id}", await Detail(db, a, ct));
    }

    public static async Task<Results<Ok<AnnouncementDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Update(Guid id, AnnouncementInput r,
        AppDbContext db, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        if (!a.Editable) return Problems.Conflict("公告已发布（开始报名），岗位、条件和权重不能再修改。");
        var org = await db.PartyOrgs.FirstAsync(o => o.Id == a.OrgId, ct);
        var c = await Check(r, db, org, ct);
        if (c.Errors.Count > 0) return Problems.Validation(c.Errors);
        db.ExpectVersion(a, r.Version);
        Apply(a, r, c.Communities, db);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, a, ct));
    }

    /// <summary>发布: the draft opens for applications.</summary>
    public static async Task<Results<Ok<AnnouncementDetail>, NotFound, ProblemHttpResult>> Open(Guid id, AppDbContext db, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        if (a.Status != AnnouncementStatus.Draft) return Problems.Conflict($"公告当前为“{RecruitmentLabels.Of(a.Status)}”，不能再次发布。");
        if (a.Positions.Count == 0) return Problems.Conflict("请先设置岗位再发布。");
        a.MoveTo(AnnouncementStatus.Open, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, a, ct));
    }

    /// <summary>截止报名: no more applications; 联审 and scores go on.</summary>
    public static async Task<Results<Ok<AnnouncementDetail>, NotFound, ProblemHttpResult>> CloseApplications(Guid id, AppDbContext db, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        if (a.Status != AnnouncementStatus.Open) return Problems.Conflict($"公告当前为“{RecruitmentLabels.Of(a.Status)}”，只有报名中的公告才能截止报名。");
        a.MoveTo(AnnouncementStatus.Reviewing, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, a, ct));
    }

    // ---- ranking ----

    public static async Task<Results<Ok<RankingView>, NotFound>> GetRanking(Guid id, AppDbContext db, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.AsNoTracking().Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? TypedResults.NotFound() : TypedResults.Ok(await Ranking(db, a, ct));
    }

    internal static async Task<RankingView> Ranking(AppDbContext db, RecruitAnnouncement a, CancellationToken ct, List<RecruitApplication>? apps = null)
    {
        apps ??= await db.RecruitApplications.AsNoTracking().Where(x => x.AnnouncementId == a.Id && x.Review == ReviewResult.Passed).ToListAsync(ct);
        var positions = new List<PositionRanking>();
        foreach (var p in a.Positions.OrderBy(p => p.SortOrder))
        {
            var mine = apps.Where(x => x.PositionId == p.Id && x.Review == ReviewResult.Passed).ToList();
            var scored = mine.Where(x => x.WrittenScore is not null && x.InterviewScore is not null).ToDictionary(x => x.Id);
            var ranked = RecruitmentRules.Rank(scored.Values.Select(x => new ScoreEntry(x.Id, x.WrittenScore!.Value, x.InterviewScore!.Value)),
                a.WrittenWeight, a.InterviewWeight, p.Places);
            positions.Add(new PositionRanking(p.Id, p.Name, p.CommunityName, p.Places, mine.Count - scored.Count, [.. ranked.Select(r =>
            {
                var x = scored[r.Id];
                return new RankingRow(x.Id, x.Name, x.IdNumberMasked, r.Written, r.Interview, r.Total, r.Rank, r.SharedRank, r.HiringOrder, r.Standing,
                    r.Standing switch { RankStanding.Within => "名额内", RankStanding.TiedAtCutoff => "并列（需选定）", _ => "名额外" },
                    x.Proposed, x.HiredWorkerId is not null);
            })]));
        }
        return new RankingView(a.Id, a.WrittenWeight, a.InterviewWeight, positions);
    }

    // ---- 公示 ----

    public static async Task<Results<Ok<AnnouncementDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Publicize(Guid id, PublicizeInput r,
        AppDbContext db, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        var apps = await db.RecruitApplications.Where(x => x.AnnouncementId == a.Id).ToListAsync(ct);
        if (a.Status is AnnouncementStatus.Draft or AnnouncementStatus.Closed)
            return Problems.Conflict($"公告当前为“{RecruitmentLabels.Of(a.Status)}”，不能公示。");
        if (apps.Any(x => x.HiredWorkerId is not null)) return Problems.Conflict("已有人员聘用，公示名单不能再修改。");
        var errors = new Dictionary<string, string[]>();
        var today = db.Today;
        if (r.From is null) errors["from"] = ["请填写公示开始日期"];
        else if (r.From < a.ApplyFrom) errors["from"] = ["公示开始日期不能早于报名开始日期"];
        else if (r.From > today.AddDays(60)) errors["from"] = ["公示开始日期不能晚于60天以后"];
        var days = r.Days ?? a.PublicityDays;
        if (days is < 1 or > 30) errors["days"] = ["公示天数应在1到30之间"];
        var selected = (r.ApplicationIds ?? []).Distinct().ToList();
        if (selected.Count == 0) errors["applicationIds"] = ["请选择拟聘用人员"];
        if (errors.Count == 0)
        {
            var ranking = await Ranking(db, a, ct, apps);
            var names = apps.ToDictionary(x => x.Id, x => x.Name);
            var unknown = selected.Where(s => !names.ContainsKey(s)).ToList();
            if (unknown.Count > 0) errors["applicationIds"] = ["所选人员不属于本公告的报名"];
            else
            {
                var messages = new List<string>();
                foreach (var p in a.Positions.OrderBy(p => p.SortOrder))
                {
                    var mine = selected.Where(s => apps.First(x => x.Id == s).PositionId == p.Id).ToList();
                    if (mine.Count == 0) continue;
                    var rows = ranking.Positions.First(x => x.PositionId == p.Id).Rows
                        .Select(x => new Ranked(x.ApplicationId, x.WrittenScore, x.InterviewScore, x.Total, x.Rank, x.SharedRank, x.HiringOrder, x.Standing)).ToList();
                    if (RecruitmentRules.CheckSelection(rows, mine, p.Places, i => names[i]) is { } problem) messages.Add($"{p.Name}：{problem}");
                }
                if (messages.Count > 0) errors["applicationIds"] = [.. messages];
            }
        }
        if (errors.Count > 0) return Problems.Validation(errors);
        var workingDays = r.WorkingDays ?? a.PublicityWorkingDays;
        var from = r.From!.Value;
        var set = selected.ToHashSet();
        foreach (var x in apps) if (x.Proposed != set.Contains(x.Id)) x.Propose(set.Contains(x.Id), db.Now);
        a.Edit(a.Title, a.ApplyFrom, a.ApplyTo, a.Conditions, a.Disqualifications, a.ReviewDepartments, a.WrittenWeight, a.InterviewWeight, days, workingDays, a.Note, db.Now);
        a.Publicize(from, RecruitmentRules.PublicityEnd(from, days, workingDays), db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, a, ct));
    }

    // ---- 聘用 ----

    /// <summary>
    /// 聘用: each selected proposed applicant becomes a worker of the position's community with its starting grade
    /// (through the roster's hire); all of them or none.
    /// </summary>
    public static async Task<Results<Ok<HireResult>, NotFound, ValidationProblem, ProblemHttpResult>> Hire(Guid id, HireInput r, AppDbContext db,
        PersonWriter writer, PersonalDataProtector protector, CancellationToken ct)
    {
        var a = await db.RecruitAnnouncements.Include(x => x.Positions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        if (HireBlocked(a, db.Today) is { } blocked) return Problems.Conflict(blocked + "。");
        var proposed = await db.RecruitApplications.Where(x => x.AnnouncementId == a.Id && x.Proposed && x.HiredWorkerId == null).ToListAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (r.HireDate is null) errors["hireDate"] = ["请填写聘用日期"];
        else if (r.HireDate <= a.PublicityTo) errors["hireDate"] = [$"聘用日期应在公示期满（{a.PublicityTo:yyyy-MM-dd}）之后"];
        else if (r.HireDate > db.Today.AddYears(1)) errors["hireDate"] = ["聘用日期不能晚于一年以后"];
        var chosen = r.ApplicationIds is null ? proposed : proposed.Where(x => r.ApplicationIds.Contains(x.Id)).ToList();
        if (r.ApplicationIds is not null && r.ApplicationIds.Distinct().Count() != chosen.Count) errors["applicationIds"] = ["只能聘用公示名单中尚未聘用的人员"];
        else if (chosen.Count == 0) errors["applicationIds"] = ["没有待聘用的人员"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var hired = new List<HiredRow>();
        foreach (var x in chosen)
        {
            var p = a.Positions.First(p => p.Id == x.PositionId);
            var community = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == p.CommunityId, ct);
            if (community is null || community.Status == OrgStatus.Closed) return Problems.Conflict($"{x.Name}：用人社区“{p.CommunityName}”已撤销或不在您的管辖范围内。");
            var input = new WorkerInput(x.Name, protector.Decrypt(x.IdNumberCipher), x.Gender, x.BirthDate,
                x.PhoneCipher is null ? null : protector.Decrypt(x.PhoneCipher), x.Address, x.Education, null, community.Id, x.PoliticalStatus,
                r.HireDate, p.Post, p.PayPost, p.Level, p.Step);
            var (worker, problem) = await RosterFeatures.Hire(db, writer, input, community, ct);
            if (problem is not null)
                return Problems.Conflict($"{x.Name}：{(problem.ProblemDetails.Detail ?? "不能聘用")}（本次未聘用任何人）");
            x.Hired(worker!.Id, r.HireDate!.Value, db.Now);
            hired.Add(new HiredRow(x.Id, worker.Id, x.Name, p.CommunityName));
        }
        if (proposed.Count == chosen.Count) a.MoveTo(AnnouncementStatus.Closed, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new HireResult(hired, await Detail(db, a, ct)));
    }
}
