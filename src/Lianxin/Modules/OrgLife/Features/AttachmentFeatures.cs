using System.Security.Cryptography;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Files;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.OrgLife.Features;

/// <summary>
/// Photos and scanned sign-in sheets on meetings and themed-day records. The type is decided by the file's first
/// bytes (JPEG, PNG, WebP, PDF), never by its name or the browser's word; the size limit is a setting.
/// </summary>
public static class AttachmentFeatures
{
    public const int MaxPerRecord = 20;
    /// <summary>Request-body ceiling of the upload endpoints; the setting (default 10 MB) is checked inside.</summary>
    public const long UploadBodyLimit = 55L * 1024 * 1024;

    public static async Task<Results<Created<AttachmentRow>, NotFound, ValidationProblem>> ToMeeting(Guid id, IFormFile? file, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return TypedResults.NotFound();
        if (!m.IsEditable) return Problems.Validation("file", "记录已提交，不能再添加附件；如需更正，请由上级组织退回");
        return await Save(m.Id, m.OrgId, m.OrgPath, file, db, store, ct);
    }

    public static async Task<Results<Created<AttachmentRow>, NotFound, ValidationProblem>> ToThemedDay(Guid id, IFormFile? file, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var r = await db.ThemedDayRecords.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return TypedResults.NotFound();
        return await Save(r.Id, r.OrgId, r.OrgPath, file, db, store, ct);
    }

    private static async Task<Results<Created<AttachmentRow>, NotFound, ValidationProblem>> Save(Guid ownerId, Guid orgId, string orgPath, IFormFile? file,
        AppDbContext db, IFileStore store, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要上传的文件");
        var settings = await SettingsStore.Read<OrgLifeSettings>(db, OrgLifeSettings.Key, ct);
        var max = settings.MaxAttachmentMegabytes * 1024L * 1024;
        if (file.Length > max) return Problems.Validation("file", $"文件不能超过 {settings.MaxAttachmentMegabytes} MB");
        if (await db.Attachments.CountAsync(a => a.OwnerId == ownerId, ct) >= MaxPerRecord)
            return Problems.Validation("file", $"每条记录最多上传 {MaxPerRecord} 个附件");
        var content = new byte[file.Length];
        await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(content, ct);
        var kind = FileSniffer.Detect(content);
        if (kind is null) return Problems.Validation("file", "只能上传 JPG、PNG、WebP 图片或 PDF 文件（按文件内容识别，修改扩展名无效）");
        var name = SafeName(file.FileName, kind.Value.Extension);
        var a = Attachment.Create(Guid.CreateVersion7(), ownerId, orgId, orgPath, name, kind.Value.ContentType, content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)), db.Actor.UserName, db.Now);
        db.Attachments.Add(a);
        store.Stage(db, a.Id, content);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/orglife/attachments/{a.Id}", new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.CreatedAt, a.CreatedBy));
    }

    /// <summary>The client's file name without any path, control or reserved characters, with the extension of what the file really is.</summary>
    internal static string SafeName(string? raw, string extension)
    {
        var name = Path.GetFileNameWithoutExtension((raw ?? "").Replace('\\', '/').Split('/')[^1]);
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim();
        if (name.Length == 0) name = "附件";
        if (name.Length > 150) name = name[..150];
        return name + extension;
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Download(Guid id, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var a = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        var content = await store.Read(db, a.Id, ct);
        if (content is null) return TypedResults.NotFound();
        // Images and PDFs are shown inline only because their type was checked on upload (and nosniff is set).
        return TypedResults.File(content, a.ContentType, a.FileName);
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(Guid id, AppDbContext db, CancellationToken ct)
    {
        var a = await db.Attachments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return TypedResults.NotFound();
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == a.OwnerId, ct);
        if (meeting is { IsEditable: false }) return Problems.Validation("status", "记录已提交，不能删除附件；如需更正，请由上级组织退回");
        a.SoftDelete();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
