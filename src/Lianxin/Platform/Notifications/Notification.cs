namespace Lianxin.Platform.Notifications;

/// <summary>
/// An in-platform notification to the users of one organization (its own clerks, not its subtree). Reminders
/// carry a dedupe key so that the same reminder is never stored — or sent — twice, whichever instance made it.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>Lines of the message, one item each.</summary>
    public List<string> Lines { get; private set; } = [];
    /// <summary>A console route the notification leads to (e.g. /orglife/compliance).</summary>
    public string? Link { get; private set; }
    public string? DedupeKey { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>When the outside channels (SMS, WeChat) accepted it; null until then.</summary>
    public DateTime? DeliveredAt { get; private set; }

    public static Notification Create(Guid orgId, string kind, string title, IEnumerable<string> lines, string? link, string? dedupeKey, DateTime now) =>
        new()
        {
            Id = Guid.CreateVersion7(), OrgId = orgId, Kind = kind, Title = title, Lines = [.. lines], Link = link,
            DedupeKey = dedupeKey, CreatedAt = now,
        };

    public void MarkDelivered(DateTime now) => DeliveredAt = now;
}

/// <summary>That one user has read one notification.</summary>
public sealed class NotificationRead(Guid notificationId, Guid userId, DateTime readAt)
{
    public Guid NotificationId { get; private set; } = notificationId;
    public Guid UserId { get; private set; } = userId;
    public DateTime ReadAt { get; private set; } = readAt;
}

/// <summary>A message leaving the platform: to an organization's contact, by a channel (SMS, WeChat …).</summary>
public sealed record OutboundMessage(Guid NotificationId, Guid OrgId, string OrgName, string Title, IReadOnlyList<string> Lines);

/// <summary>
/// An outside notification channel. SMS and WeChat are adapters behind this interface; until a gateway is
/// contracted, <see cref="LoggingNotificationChannel"/> is the one implementation.
/// </summary>
public interface INotificationChannel
{
    string Name { get; }
    Task SendAsync(OutboundMessage message, CancellationToken ct);
}

/// <summary>
/// Writes what would be sent to the log (at Debug; each run's totals are logged at Information by the job) instead of
/// sending it. Logs ids, the organization and the title only: message lines may name members, and names stay out of logs.
/// </summary>
public sealed class LoggingNotificationChannel(ILogger<LoggingNotificationChannel> log) : INotificationChannel
{
    public string Name => "log";

    public Task SendAsync(OutboundMessage message, CancellationToken ct)
    {
        log.LogDebug("Notification {NotificationId} to organization {OrgId}: {Title} ({LineCount} lines)",
            message.NotificationId, message.OrgId, message.Title, message.Lines.Count);
        return Task.CompletedTask;
    }
}
