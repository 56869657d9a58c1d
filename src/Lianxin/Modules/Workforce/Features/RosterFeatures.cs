using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features;

/// <summary>社区工作者花名册: list, profile, hire, edit, status, certificates and post changes.</summary>
public static class RosterFeatures
{
    public static async Task<Results<Ok<PageOf<WorkerRow>>, NotFound>> List([AsParameters] WorkerQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var rows = Filter(db, path, q);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(w => w.OrgPath).ThenBy(w => w.Post).ThenBy(w => w.Name).ThenBy(w => w.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<WorkerRow>(await ToRows(db, list, ct), total, page, size));
    }

    internal static IQueryable<Worker> Filter(AppDbContext db, string path, WorkerQuery q)
    {
        var rows = db.Workers.AsNoTracking().Include(w => w.Certificates).WithinSubtree(db.Scope, path);
        if (q.Post is { } post) rows = rows.Where(w => w.Post == post);
        if (q.Status is { } status) rows = rows.Where(w => w.Status == status);
        if (q.Certified is { } certified) rows = rows.Where(w => w.Certificates.Any() == certified);
        if (!string.IsNullOrWhiteSpace(q.Q)) { var t = q.Q.Trim(); rows = rows.Where(w => w.Name.Contains(t)); }
        return rows;
    }

    internal static async Task<List<WorkerRow>> ToRows(AppDbContext db, List<Worker> list, CancellationToken ct)
    {
        var orgNames = await MemberReads.OrgNames(db, list.Select(w => w.OrgId), ct);
        var personIds = list.Select(w => w.PersonId).ToList();
        var phones = await db.People.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.PhoneMasked, ct);
        var today = db.Today;
        return [.. list.Select(w => Row(w, orgNames.GetValueOrDefault(w.OrgId, ""), phones.GetValueOrDefault(w.PersonId), today))];
    }

    internal static WorkerRow Row(Worker w, string orgName, string? phoneMasked, DateOnly today)
    {
        var cert = w.CertificateOn(today);
        return new WorkerRow(w.Id, w.Name, w.Gender, WorkforceRules.AgeOn(w.BirthDate, today), w.Education,
            w.Education is { } e ? Labels.Of(e) : null, w.PoliticalStatus, WorkforceLabels.Of(w.PoliticalStatus), w.OrgId, orgName,
            w.Post, WorkforceLabels.Of(w.Post), w.PayPost, w.Level, w.Step, w.HireDate, w.Status, WorkforceLabels.Of(w.Status),
            cert, cert is { } c ? WorkforceLabels.Of(c) : null, phoneMasked);
    }

    public static async Task<Results<Ok<WorkerDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var w = await db.Workers.AsNoTracking().Include(x => x.Certificates).FirstOrDefaultAsync(x => x.Id == id, ct);
        return w is null ? TypedResults.NotFound() : TypedResults.Ok(await Detail(db, w, ct));
    }

    internal static async Task<WorkerDetail> Detail(AppDbContext db, Worker w, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).FirstAsync(p => p.Id == w.PersonId, ct);
        var orgName = (await MemberReads.OrgNames(db, [w.OrgId], ct)).GetValueOrDefault(w.OrgId, "");
        var history = await db.WorkerPostChanges.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(c => c.WorkerId == w.Id)
            .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.CreatedAt).ToListAsync(ct);
        var today = db.Today;
        return new WorkerDetail(Row(w, orgName, person.PhoneMasked, today), w.PersonId, person.IdNumberMasked, person.Address, person.Ethnicity,
            w.BirthDate, w.StatusSince, w.StatusNote, WorkforceRules.YearsOfService(w.HireDate, today),
            [.. w.Certificates.OrderBy(c => c.CertifiedOn).Select(c => new CertificateRow(c.Id, c.Level, WorkforceLabels.Of(c.Level), c.CertifiedOn, c.Number))],
            [.. history.Select(c => new PostChangeRow(c.Id, c.EffectiveOn, c.Kind, WorkforceLabels.Of(c.Kind), c.Post, WorkforceLabels.Of(c.Post),
                c.PayPost, c.Level, c.Step, c.Note, c.CreatedBy, c.CreatedAt))],
            w.CreatedAt, w.UpdatedAt, w.Version);
    }

    private static async Task<(Dictionary<string, string[]> Errors, PartyOrg? Org)> Check(WorkerInput r, AppDbContext db, bool creating, CancellationToken ct)
    {
        var result = await new PersonFieldsValidator<WorkerInput>(db.Today, creating, phoneRequired: true).ValidateAsync(r, ct);
        var errors = Problems.Errors(result).ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        void Add(string f, string m) { if (!errors.TryGetValue(f, out var l)) errors[f] = l = []; if (!l.Contains(m)) l.Add(m); }
        if (r.PoliticalStatus is null) Add("politicalStatus", "请选择政治面貌");
        if (r.HireDate is null) Add("hireDate", "请填写聘用日期");
        else if (r.HireDate > db.Today.AddYears(1)) Add("hireDate", "聘用日期不能晚于一年以后");
        else if (r.BirthDate is { } b && WorkforceRules.AgeOn(b, r.HireDate.Value) < 18) Add("hireDate", "聘用时应年满18周岁");
        if (creating)
        {
            if (r.Post is null) Add("post", "请选择岗位");
            CheckGrade(r.PayPost, r.Level, r.Step, Add);
        }
        PartyOrg? org = null;
        if (r.OrgId is { } orgId)
        {
            org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null) Add("orgId", "所选社区不存在或不在您的管辖范围内");
            else if (org.Status == OrgStatus.Closed) Add("orgId", "所选组织已撤销");
        }
        return (errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), org);
    }

    public static async Task<Results<Created<WorkerDetail>, ValidationProblem, ProblemHttpResult>> Create(
        WorkerInput r, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var (errors, org) = await Check(r, db, creating: true, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        var (worker, problem) = await Hire(db, writer, r, org!, ct);
        if (problem is not null) return problem;
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/workers/{worker!.Id}", await Detail(db, worker, ct));
    }

    /// <summary>
    /// Puts a person on the roster (the person found by ID number, or created): the worker and the 聘用 record. Used by
    /// the form and by 选聘 (hiring an applicant). Staged only; the caller saves.
    /// </summary>
    public static async Task<(Worker? Worker, ProblemHttpResult? Problem)> Hire(AppDbContext db, PersonWriter writer, WorkerInput r, PartyOrg org, CancellationToken ct)
    {
        var person = await writer.FindByIdNumber(r.IdNumber!, ct);
        if (person is not null)
        {
            var existing = await db.Workers.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(w => w.PersonId == person.Id)
                .Select(w => new { w.OrgPath }).FirstOrDefaultAsync(ct);
            if (existing is not null)
                return (null, Problems.Conflict(db.Scope.Contains(existing.OrgPath)
                    ? "该身份证号已在社区工作者花名册中，请在列表中查找，勿重复录入。"
                    : "该身份证号已在其他社区登记为社区工作者。"));
            if (!db.Scope.Contains(person.OrgPath))
                return (null, Problems.Conflict("该身份证号已登记在其他组织，请联系上级组织处理。"));
        }
        else
        {
            person = Person.Create(Guid.CreateVersion7(), r.Name!.Trim(), db.Now);
            person.AssignTo(org.Id, org.Path, null);
            db.People.Add(person);
        }
        writer.Apply(person, r);
        var worker = Worker.Hire(Guid.CreateVersion7(), person, org.Id, org.Path, r.PoliticalStatus!.Value, r.Post!.Value,
            r.PayPost!.Value, r.Level!.Value, r.Step!.Value, r.HireDate!.Value, db.Now);
        db.Workers.Add(worker);
        db.WorkerPostChanges.Add(WorkerPostChange.Create(Guid.CreateVersion7(), worker, worker.HireDate, PostChangeKind.Hire, worker.Post,
            worker.PayPost, worker.Level, worker.Step, null, db.Actor.UserName, db.Now));
        return (worker, null);
    }

    public static async Task<Results<Ok<WorkerDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, WorkerInput r, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var w = await db.Workers.Include(x => x.Certificates).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return TypedResults.NotFound();
        var (errors, org) = await Check(r, db, creating: false, ct);
        var person = await db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Include(p => p.Tags).FirstAsync(p => p.Id == w.PersonId, ct);
        if (errors.Count == 0 && string.IsNullOrWhiteSpace(r.IdNumber) && (r.BirthDate != person.BirthDate || r.Gender != person.Gender))
            errors["birthDate"] = ["出生日期和性别由身份证号确定；如需更正，请同时重新填写身份证号"];
        if (errors.Count == 0 && r.HireDate > await db.WorkerPostChanges.Where(c => c.WorkerId == w.Id && c.Kind != PostChangeKind.Hire)
                .Select(c => (DateOnly?)c.EffectiveOn).MinAsync(ct))
            errors["hireDate"] = ["聘用日期不能晚于已有的岗位变动记录"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (!string.IsNullOrWhiteSpace(r.IdNumber))
        {
            var other = await writer.FindByIdNumber(r.IdNumber, ct);
            if (other is not null && other.Id != w.PersonId) return Problems.Conflict("该身份证号已被其他人员使用。");
        }
        db.ExpectVersion(w, r.Version);
        writer.Apply(person, r);
        w.CopyPerson(person, db.Now);
        if (w.OrgId != org!.Id)
        {
            // The worker's own records follow them to the new community (their scope is the worker's).
            await Follow<WorkerPostChange>(db, w.Id, org, ct);
            await Follow<Assessment>(db, w.Id, org, ct);
            await Follow<WorkforceEffect>(db, w.Id, org, ct);
            await Follow<ArchiveFile>(db, w.Id, org, ct);
            await Follow<SecretaryFiling>(db, w.Id, org, ct);
        }
        var hireChanged = w.HireDate != r.HireDate;
        w.Edit(org.Id, org.Path, r.PoliticalStatus!.Value, r.HireDate!.Value, db.Now);
        if (hireChanged)
        {
            var hire = await db.WorkerPostChanges.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).FirstOrDefaultAsync(c => c.WorkerId == w.Id && c.Kind == PostChangeKind.Hire, ct);
            if (hire is not null) db.Entry(hire).Property(x => x.EffectiveOn).CurrentValue = w.HireDate;
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, w, ct));
    }

    private static async Task Follow<T>(AppDbContext db, Guid workerId, PartyOrg org, CancellationToken ct) where T : class, IOrgScoped
    {
        foreach (var row in await db.Set<T>().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(x => EF.Property<Guid>(x, "WorkerId") == workerId).ToListAsync(ct))
        {
            db.Entry(row).Property(nameof(IOrgScoped.OrgId)).CurrentValue = org.Id;
            db.Entry(row).Property(nameof(IOrgScoped.OrgPath)).CurrentValue = org.Path;
        }
    }

    public static async Task<Results<Ok<WorkerDetail>, NotFound, ValidationProblem>> SetStatus(Guid id, StatusInput r, AppDbContext db, CancellationToken ct)
    {
        var w = await db.Workers.Include(x => x.Certificates).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (r.Status is null) errors["status"] = ["请选择状态"];
        if (r.Since is null) errors["since"] = ["请填写变更日期"];
        else if (r.Since > db.Today) errors["since"] = ["变更日期不能晚于今天"];
        if (r.Note?.Trim().Length > 200) errors["note"] = ["说明不能超过200个字"];
        if (r.Status == WorkerStatus.Dismissed && string.IsNullOrWhiteSpace(r.Note)) errors["note"] = ["解聘须写明原因"];
        if (errors.Count > 0) return Problems.Validation(errors);
        try { w.SetStatus(r.Status!.Value, r.Since!.Value, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), db.Now); }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, w, ct));
    }

    public static async Task<Results<Ok<WorkerDetail>, NotFound, ValidationProblem>> AddCertificate(Guid id, CertificateInput r, AppDbContext db, CancellationToken ct)
    {
        var w = await db.Workers.Include(x => x.Certificates).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (r.Level is null) errors["level"] = ["请选择证书等级"];
        if (r.CertifiedOn is null) errors["certifiedOn"] = ["请填写取得日期"];
        else if (r.CertifiedOn > db.Today) errors["certifiedOn"] = ["取得日期不能晚于今天"];
        if (r.Number?.Trim().Length > 50) errors["number"] = ["证书编号不能超过50个字"];
        if (errors.Count == 0 && w.Certificates.Any(c => c.Level == r.Level)) errors["level"] = [$"已登记{WorkforceLabels.Of(r.Level!.Value)}证书"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var cert = WorkerCertificate.Create(Guid.CreateVersion7(), w, r.Level!.Value, r.CertifiedOn!.Value, string.IsNullOrWhiteSpace(r.Number) ? null : r.Number.Trim());
        w.Certificates.Add(cert);
        db.WorkerCertificates.Add(cert);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, w, ct));
    }

    public static async Task<Results<Ok<WorkerDetail>, NotFound>> RemoveCertificate(Guid id, Guid certificateId, AppDbContext db, CancellationToken ct)
    {
        var w = await db.Workers.Include(x => x.Certificates).FirstOrDefaultAsync(x => x.Id == id, ct);
        var cert = w?.Certificates.FirstOrDefault(c => c.Id == certificateId);
        if (w is null || cert is null) return TypedResults.NotFound();
        w.Certificates.Remove(cert);
        db.WorkerCertificates.Remove(cert);   // audited as a deletion, with its values
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, w, ct));
    }

    public static async Task<Results<Ok<WorkerDetail>, NotFound, ValidationProblem>> ChangePost(Guid id, PostChangeInput r, AppDbContext db, CancellationToken ct)
    {
        var w = await db.Workers.Include(x => x.Certificates).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (r.EffectiveOn is null) errors["effectiveOn"] = ["请填写生效日期"];
        if (r.Kind is null) errors["kind"] = ["请选择变动类型"];
        else if (r.Kind == PostChangeKind.Hire) errors["kind"] = ["聘用记录随录入产生，不能另行添加"];
        if (r.Post is null) errors["post"] = ["请选择岗位"];
        CheckGrade(r.PayPost, r.Level, r.Step, (f, m) => errors[f] = [m]);
        if (r.Note?.Trim().Length > 200) errors["note"] = ["说明不能超过200个字"];
        if (w.Status == WorkerStatus.Dismissed) errors["kind"] = ["已解聘人员不能变动岗位"];
        if (errors.Count > 0) return Problems.Validation(errors);
        WorkerPostChange change;
        try
        {
            change = WorkerPostChange.Create(Guid.CreateVersion7(), w, r.EffectiveOn!.Value, r.Kind!.Value, r.Post!.Value, r.PayPost!.Value,
                r.Level!.Value, r.Step!.Value, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), db.Actor.UserName, db.Now);
        }
        catch (DomainException e) { return Problems.Validation(e.Field, e.Message); }
        db.WorkerPostChanges.Add(change);
        await SyncPlacement(db, w, [change], ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, w, ct));
    }

    /// <summary>The 薪酬岗 · 级 · 档 of a form: each given, from 1 to 99 (the scheme checks that the cell exists).</summary>
    internal static void CheckGrade(int? payPost, int? level, int? step, Action<string, string> add)
    {
        if (payPost is null or < 1 or > 99) add("payPost", "请填写薪酬岗（从1开始）");
        if (level is null or < 1 or > 99) add("level", "请填写薪级（从1开始）");
        if (step is null or < 1 or > 99) add("step", "请填写档次（从1开始）");
    }

    /// <summary>Sets the worker's current post and grade to what the change records (stored and staged) put in force today.</summary>
    public static async Task SyncPlacement(AppDbContext db, Worker w, IEnumerable<WorkerPostChange> staged, CancellationToken ct)
    {
        var stored = await db.WorkerPostChanges.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(c => c.WorkerId == w.Id).ToListAsync(ct);
        var all = stored.Concat(staged.Where(s => stored.All(x => x.Id != s.Id)));
        if (WorkforceRules.PlacementOn(all, db.Today) is { } p) w.Place(p.Post, p.PayPost, p.Level, p.Step, db.Now);
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(Guid id, string? reason, AppDbContext db, CancellationToken ct)
    {
        var w = await db.Workers.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(reason)) return Problems.Validation("reason", "请写明删除原因（录入错误等）；离职、解聘请改状态");
        if (reason.Length > 200) return Problems.Validation("reason", "原因不能超过200个字");
        w.SoftDelete(reason.Trim(), db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Shows a worker's full ID or phone number (member:reveal), audited against the worker.</summary>
    public static async Task<Results<Ok<RevealResponse>, NotFound, ValidationProblem>> Reveal(Guid id, RevealRequest r, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var w = await db.Workers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return w is null ? TypedResults.NotFound() : await RevealPersonalData.ForRecord(w.PersonId, "社区工作者", w.Id, r, db, writer, ct);
    }

    public static async Task<Ok<WorkforceSettingsView>> GetSettings(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(View(await SettingsStore.Read<WorkforceSettings>(db, WorkforceSettings.Key, ct)));

    public static async Task<Results<Ok<WorkforceSettingsView>, ValidationProblem>> UpdateSettings(WorkforceSettingsView r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.StandardPer10k is <= 0 or > 1000) errors["standardPer10k"] = ["配备标准应在0到1000之间"];
        if (r.RatioDecimals is < 0 or > 4) errors["ratioDecimals"] = ["小数位数应在0到4之间"];
        if (r.YoungAge is < 18 or > 70) errors["youngAge"] = ["年龄应在18到70之间"];
        if (r.SecretaryTrainingYears is < 1 or > 10) errors["secretaryTrainingYears"] = ["轮训周期应在1到10年之间"];
        if (r.OtherTrainingYears is < 1 or > 10) errors["otherTrainingYears"] = ["轮训周期应在1到10年之间"];
        if (r.OrgRatingWeight is < 0 or > 1) errors["orgRatingWeight"] = ["组织考评权重应在0到1之间"];
        if (!(r.ExcellentFrom > r.CompetentFrom && r.CompetentFrom > r.BasicFrom && r.BasicFrom > 0 && r.ExcellentFrom <= 100))
            errors["excellentFrom"] = ["等次分数线应为 100 ≥ 优秀 > 合格 > 基本合格 > 0"];
        if (r.ExcellentAdvanceMonths is < 0 or > 24) errors["excellentAdvanceMonths"] = ["提前月数应在0到24之间"];
        if (r.StepYears is < 1 or > 10) errors["stepYears"] = ["晋档年限应在1到10年之间"];
        if (r.FailuresForDismissalReview is < 1 or > 5) errors["failuresForDismissalReview"] = ["连续不合格次数应在1到5之间"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var s = new WorkforceSettings
        {
            StandardPer10k = r.StandardPer10k, RatioDecimals = r.RatioDecimals, YoungAge = r.YoungAge, SecretaryTrainingYears = r.SecretaryTrainingYears,
            OtherTrainingYears = r.OtherTrainingYears, OrgRatingWeight = r.OrgRatingWeight, ExcellentFrom = r.ExcellentFrom, CompetentFrom = r.CompetentFrom,
            BasicFrom = r.BasicFrom, ExcellentAdvanceMonths = r.ExcellentAdvanceMonths, StepYears = r.StepYears, FailuresForDismissalReview = r.FailuresForDismissalReview,
        };
        await SettingsStore.Write(db, WorkforceSettings.Key, s, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(s));
    }

    private static WorkforceSettingsView View(WorkforceSettings s) => new(s.StandardPer10k, s.RatioDecimals, s.YoungAge, s.SecretaryTrainingYears,
        s.OtherTrainingYears, s.OrgRatingWeight, s.ExcellentFrom, s.CompetentFrom, s.BasicFrom, s.ExcellentAdvanceMonths, s.StepYears, s.FailuresForDismissalReview);
}
