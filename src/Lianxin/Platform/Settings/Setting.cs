using System.Text.Json;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Settings;

/// <summary>
/// One administrator-changeable group of settings, stored as JSON under a key (DOMAIN: numbers in rules are
/// settings' defaults). Changes are audited like any record.
/// </summary>
public sealed class Setting : IAuditable
{
    private Setting() { }

    public string Key { get; private set; } = "";
    public string Value { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "系统设置";
    public string AuditLabel => Key;

    public static Setting Create(string key, string value, DateTime now) =>
        new() { Key = key, Value = value, UpdatedAt = now, Version = Guid.NewGuid() };

    public void Change(string value, DateTime now)
    {
        Value = value;
        UpdatedAt = now;
    }
}

/// <summary>Reads and writes typed settings; a missing key yields the type's defaults.</summary>
public static class SettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static async Task<T> Read<T>(AppDbContext db, string key, CancellationToken ct) where T : new()
    {
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
        return row is null ? new T() : JsonSerializer.Deserialize<T>(row.Value, Json) ?? new T();
    }

    /// <summary>Stages the change; the caller saves (and so audits) it.</summary>
    public static async Task Write<T>(AppDbContext db, string key, T value, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(value, Json);
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (row is null) db.Settings.Add(Setting.Create(key, json, db.Now));
        else if (row.Value != json) row.Change(json, db.Now);
    }
}
