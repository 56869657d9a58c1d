using System.IO.Compression;
using System.Security.Cryptography;
using Lianxin.Modules.Members.Features;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Modules.OrgLife.Features;
using Lianxin.Modules.Workforce.Domain;
using Lianxin.Platform.Files;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Workforce.Features.Development;

/// <summary>档案管理: a worker's materials per category (uploaded files checked by their bytes) and completeness across a subtree.</summary>
public static class ArchiveFeatures
{
    public const int MaxPerCategory = 30;
    /// <summary>Request-body ceiling of the upload endpoint; the setting (default 10 MB, at most 50) is checked inside.</summary>
    public const long UploadBodyLimit = 55L * 1024 * 1024;

    public static async Task<Ok<ArchiveSettingsView>> GetSettings(AppDbContext db, CancellationToken ct)
    {
        var s = await SettingsStore.Read<ArchiveSettings>(db, ArchiveSettings.Key, ct);
        return TypedResults.Ok(new ArchiveSettingsView(s.Categories, s.MaxFileMegabytes));
    }

    public static async Task<Results<Ok<ArchiveSettingsView>, ValidationProblem>> UpdateSettings(ArchiveSettingsView r, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var categories = (r.Categories ?? []).Select(c => (c ?? "").Trim()).ToList();
        if (categories.Count is < 1 or > 20) errors["categories"] = ["档案类别应有1到20个"];
        else if (categories.Any(c => c.Length is < 1 or > 20)) errors["categories"] = ["每个类别名称应为1到20个字"];
        else if (categories.Distinct().Count() != categories.Count) errors["categories"] = ["类别名称不能重复"];
        if (r.MaxFileMegabytes is < 1 or > 50) errors["maxFileMegabytes"] = ["单个文件大小上限应在1到50 MB之间"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var s = new ArchiveSettings { Categories = categories, MaxFileMegabytes = r.MaxFileMegabytes };
        await SettingsStore.Write(db, ArchiveSettings.Key, s, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ArchiveSettingsView(s.Categories, s.MaxFileMegabytes));
    }

    public static async Task<Results<Ok<ArchiveView>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var w = await db.Workers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return TypedResults.NotFound();
        var s = await SettingsStore.Read<ArchiveSettings>(db, ArchiveSettings.Key, ct);
        var files = await db.ArchiveFiles.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(f => f.WorkerId == id)
            .OrderBy(f => f.CreatedAt).ToListAsync(ct);
        var orgName = (await MemberReads.OrgNames(db, [w.OrgId], ct)).GetValueOrDefault(w.OrgId, "");
        static ArchiveFileRow Row(ArchiveFile f) => new(f.Id, f.Category, f.FileName, f.ContentType, f.Size, f.CreatedBy, f.CreatedAt);
        var categories = s.Categories.Select(c => new ArchiveCategory(c, true, [.. files.Where(f => f.Category == c).Select(Row)]))
            .Concat(files.Where(f => !s.Categories.Contains(f.Category)).GroupBy(f => f.Category).Select(g => new ArchiveCategory(g.Key, false, [.. g.Select(Row)])))
            .ToList();
        var summary = Summary(s.Categories, files.Select(f => f.Category));
        return TypedResults.Ok(new ArchiveView(w.Id, w.Name, orgName, summary.Present, summary.Total, summary.Percent, summary.Missing, categories, s.MaxFileMegabytes));
    }

    /// <summary>Completeness: configured categories holding at least one file ÷ configured categories.</summary>
    internal static ArchiveSummary Summary(IReadOnlyList<string> categories, IEnumerable<string> held)
    {
        var have = held.ToHashSet(StringComparer.Ordinal);
        var missing = categories.Where(c => !have.Contains(c)).ToList();
        var present = categories.Count - missing.Count;
        return new ArchiveSummary(present, categories.Count, DevelopmentRules.Percent(present, categories.Count), missing);
    }

    public static async Task<Results<Created<ArchiveFileRow>, NotFound, ValidationProblem>> Upload(Guid id, string? category, IFormFile? file,
        AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var w = await db.Workers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return TypedResults.NotFound();
        var s = await SettingsStore.Read<ArchiveSettings>(db, ArchiveSettings.Key, ct);
        var cat = category?.Trim();
        if (string.IsNullOrEmpty(cat)) return Problems.Validation("category", "请选择档案类别");
        if (!s.Categories.Contains(cat)) return Problems.Validation("category", $"档案类别应为：{string.Join("、", s.Categories)}");
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要上传的文件");
        if (file.Length > s.MaxFileMegabytes * 1024L * 1024) return Problems.Validation("file", $"文件不能超过 {s.MaxFileMegabytes} MB");
        if (await db.ArchiveFiles.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).CountAsync(f => f.WorkerId == id && f.Category == cat, ct) >= MaxPerCategory)
            return Problems.Validation("file", $"每个类别最多 {MaxPerCategory} 个文件");
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
        if (Detect(content) is not { } kind)
            return Problems.Validation("file", "只能上传 PDF、JPG、PNG、Word（docx）或 Excel（xlsx）文件（按文件内容识别，修改扩展名无效）");
        var f = ArchiveFile.Create(Guid.CreateVersion7(), w, cat, AttachmentFeatures.SafeName(file.FileName, kind.Extension), kind.ContentType, content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)), db.Actor.UserName, db.Now);
        db.ArchiveFiles.Add(f);
        store.Stage(db, f.Id, content);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workforce/archive-files/{f.Id}", new ArchiveFileRow(f.Id, f.Category, f.FileName, f.ContentType, f.Size, f.CreatedBy, f.CreatedAt));
    }

    /// <summary>What an archive file really is, from its bytes: PDF, JPEG, PNG, or an Office Open XML document (docx, xlsx).</summary>
    public static (string ContentType, string Extension)? Detect(byte[] content)
    {
        if (FileSniffer.Detect(content) is { ContentType: "application/pdf" or "image/jpeg" or "image/png" } k) return k;
        if (!FileSniffer.IsZip(content)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml")) return null;
            if (names.Contains("word/document.xml")) return ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
            if (names.Contains("xl/workbook.xml")) return ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
            return null;
        }
        catch (InvalidDataException) { return null; }
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Download(Guid id, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var f = await db.ArchiveFiles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return TypedResults.NotFound();
        var content = await store.Read(db, f.Id, ct);
        if (content is null) return TypedResults.NotFound();
        return TypedResults.File(content, f.ContentType, f.FileName);
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(Guid id, string? reason, AppDbContext db, CancellationToken ct)
    {
        var f = await db.ArchiveFiles.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(reason)) return Problems.Validation("reason", "请写明删除原因");
        if (reason.Trim().Length > 200) return Problems.Validation("reason", "原因不能超过200个字");
        f.SoftDelete(reason.Trim(), db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Workers of a subtree on the roster (not dismissed) and the categories their archives hold.</summary>
    internal static async Task<(List<(Guid Id, string Name, Guid OrgId, WorkerPost Post, ArchiveSummary Summary)> Rows, IReadOnlyList<string> Categories)> Completeness(
        AppDbContext db, string path, CancellationToken ct)
    {
        var s = await SettingsStore.Read<ArchiveSettings>(db, ArchiveSettings.Key, ct);
        var workers = db.Workers.AsNoTracking().WithinSubtree(db.Scope, path).Where(w => w.Status != WorkerStatus.Dismissed);
        var list = await workers.OrderBy(w => w.OrgPath).ThenBy(w => w.Post).ThenBy(w => w.Name).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.Name, w.OrgId, w.Post }).ToListAsync(ct);
        var held = (await db.ArchiveFiles.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
                .Where(f => workers.Select(w => w.Id).Contains(f.WorkerId)).Select(f => new { f.WorkerId, f.Category }).Distinct().ToListAsync(ct))
            .ToLookup(x => x.WorkerId, x => x.Category);
        return ([.. list.Select(w => (w.Id, w.Name, w.OrgId, w.Post, Summary(s.Categories, held[w.Id])))], s.Categories);
    }

    public static async Task<Results<Ok<CompletenessReport>, NotFound>> CompletenessReport([AsParameters] CompletenessQuery q, AppDbContext db, CancellationToken ct)
    {
        var path = await OrgReads.SubtreePath(db, q.OrgId, ct);
        if (path is null) return TypedResults.NotFound();
        var (all, categories) = await Completeness(db, path, ct);
        var complete = all.Count(w => w.Summary.Missing.Count == 0);
        var shown = all.Where(w => (q.Incomplete != true || w.Summary.Missing.Count > 0)
            && (string.IsNullOrWhiteSpace(q.Category) || w.Summary.Missing.Contains(q.Category.Trim()))
            && (string.IsNullOrWhiteSpace(q.Q) || w.Name.Contains(q.Q.Trim()))).ToList();
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var slice = shown.Skip((page - 1) * size).Take(size).ToList();
        var names = await MemberReads.OrgNames(db, slice.Select(w => w.OrgId), ct);
        var orgName = q.OrgId is { } id ? (await MemberReads.OrgNames(db, [id], ct)).GetValueOrDefault(id, "") : "全部";
        var average = all.Count == 0 ? (decimal?)null
            : Math.Round(all.Sum(w => (decimal)w.Summary.Present) * 100m / (all.Count * Math.Max(1, categories.Count)), 2, MidpointRounding.AwayFromZero);
        return TypedResults.Ok(new CompletenessReport(q.OrgId, orgName, categories, all.Count, complete, DevelopmentRules.Percent(complete, all.Count), average,
            [.. categories.Select(c =>
            {
                var n = all.Count(w => !w.Summary.Missing.Contains(c));
                return new Share(c, c, n, DevelopmentRules.Percent(n, all.Count));
            })],
            new PageOf<CompletenessRow>([.. slice.Select(w => new CompletenessRow(w.Id, w.Name, w.OrgId, names.GetValueOrDefault(w.OrgId, ""), WorkforceLabels.Of(w.Post),
                w.Summary.Present, w.Summary.Total, w.Summary.Percent, w.Summary.Missing))], shown.Count, page, size)));
    }

    /// <summary>The worker profile's part: trainings, the training cycle, assessments, their effects, archive completeness.</summary>
    public static async Task<Results<Ok<WorkerDevelopment>, NotFound>> Development(Guid id, AppDbContext db, CancellationToken ct)
    {
        var w = await db.Workers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return TypedResults.NotFound();
        var s = await SettingsStore.Read<WorkforceSettings>(db, WorkforceSettings.Key, ct);
        var a = await SettingsStore.Read<ArchiveSettings>(db, ArchiveSettings.Key, ct);
        var today = db.Today;
        var trainings = await (from e in db.TrainingEnrolments.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
                               join c in db.TrainingClasses.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]) on e.ClassId equals c.Id
                               where e.WorkerId == id
                               orderby c.StartDate descending
                               select new { c, e }).ToListAsync(ct);
        var classIds = trainings.Select(t => t.c.Id).ToList();
        var sessions = await db.TrainingSessions.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(x => classIds.Contains(x.ClassId))
            .GroupBy(x => x.ClassId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var last = trainings.Where(t => t.e.Completed && t.e.CompletedOn <= today).Select(t => t.e.CompletedOn).Max();
        var cycle = DevelopmentRules.TrainingCycleYears(w.Post, s);
        var assessments = await db.Assessments.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(x => x.WorkerId == id)
            .OrderByDescending(x => x.Year).ThenByDescending(x => x.Period).ToListAsync(ct);
        var effects = await db.WorkforceEffects.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(x => x.WorkerId == id)
            .OrderByDescending(x => x.CreatedAt).ToListAsync(ct);
        var held = await db.ArchiveFiles.AsNoTracking().IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(f => f.WorkerId == id)
            .Select(f => f.Category).Distinct().ToListAsync(ct);
        return TypedResults.Ok(new WorkerDevelopment(w.Id,
            [.. trainings.Select(t => new WorkerTrainingRow(t.c.Id, t.c.Name, t.c.Kind, DevelopmentLabels.Of(t.c.Kind), t.c.StartDate, t.c.EndDate, t.c.Hours,
                sessions.GetValueOrDefault(t.c.Id), t.e.Attended, t.e.Completed))],
            last, cycle, DevelopmentRules.TrainingDueOn(w.HireDate, last, cycle),
            w.Status == WorkerStatus.Active && DevelopmentRules.TrainingOverdue(w.HireDate, last, cycle, today),
            await AssessmentFeatures.Rows(db, assessments, ct), await AssessmentFeatures.EffectRows(db, effects, ct), Summary(a.Categories, held)));
    }
}
