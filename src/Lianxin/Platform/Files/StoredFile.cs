using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Files;

/// <summary>The bytes of an uploaded file, kept in the database so that every app instance serves the same files.</summary>
public sealed class StoredFile
{
    private StoredFile() { }

    public Guid Id { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }

    public static StoredFile Create(Guid id, byte[] content, DateTime now) => new() { Id = id, Content = content, CreatedAt = now };
}

/// <summary>Where uploaded files live. The database store suits one site; an object store (MinIO, OSS) would replace it.</summary>
public interface IFileStore
{
    /// <summary>Stages the file with the caller's unit of work (saved with it, in its transaction).</summary>
    void Stage(AppDbContext db, Guid id, byte[] content);
    Task<byte[]?> Read(AppDbContext db, Guid id, CancellationToken ct);
}

public sealed class DatabaseFileStore : IFileStore
{
    public void Stage(AppDbContext db, Guid id, byte[] content) => db.Files.Add(StoredFile.Create(id, content, db.Now));

    public Task<byte[]?> Read(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Files.AsNoTracking().Where(f => f.Id == id).Select(f => f.Content).FirstOrDefaultAsync(ct)!;
}

/// <summary>What an upload really is, from its first bytes (never from its name or the client's content type).</summary>
public static class FileSniffer
{
    public static (string ContentType, string Extension)? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ("image/jpeg", ".jpg");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ("image/png", ".png");
        if (head.StartsWith("%PDF-"u8)) return ("application/pdf", ".pdf");
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return ("image/webp", ".webp");
        return null;
    }

    /// <summary>A zip container (xlsx, docx …): the check before handing a file to a spreadsheet reader.</summary>
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]);
}
