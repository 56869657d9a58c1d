using System.Collections.Concurrent;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.OrgLife.Features;
using Lianxin.Platform.Notifications;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Modules;

/// <summary>Records what would leave the platform, across every app instance of a test.</summary>
public sealed class RecordingChannel(ConcurrentBag<OutboundMessage> sent) : INotificationChannel
{
    public string Name => "recording";

    public Task SendAsync(OutboundMessage message, CancellationToken ct)
    {
        sent.Add(message);
        return Task.CompletedTask;
    }
}

public sealed class ReminderTests : ApiTestBase
{
    /// <summary>8:00 on 2 November 2026 in China: the monthly reminder is due, the overdue one (20th) not yet.</summary>
    private static readonly DateTimeOffset EarlyNovember = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static void Recording(Microsoft.AspNetCore.Hosting.IWebHostBuilder b, ConcurrentBag<OutboundMessage> sent, TimeProvider? clock = null) =>
        b.ConfigureTestServices(s =>
        {
            s.AddSingleton<INotificationChannel>(new RecordingChannel(sent));
            s.AddSingleton(clock ?? new ManualClock(EarlyNovember));
        });

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_send_each_reminder_exactly_once()
    {
        var sent = new ConcurrentBag<OutboundMessage>();
        await using var first = await TestApp.StartAsync(Provider.Postgres, b => Recording(b, sent));
        // A second app instance on the same database, as behind a load balancer.
        await using var second = new LianxinFactory(first.Factory.Services.GetRequiredService<IConfiguration>()["Lianxin:Database"]!, b => Recording(b, sent));
        var a = first.Factory.Services.GetRequiredService<MonthlyReminders>();
        var b = second.Services.GetRequiredService<MonthlyReminders>();

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).RunDueAsync(CancellationToken.None)));

        var notifications = await first.Db(db => db.Notifications.Where(n => n.DedupeKey!.StartsWith("orglife.")).ToListAsync());
        Assert.NotEmpty(notifications);
        Assert.Equal(notifications.Count, runs.Sum());
        Assert.Equal(notifications.Count, notifications.Select(n => n.DedupeKey).Distinct().Count());
        Assert.All(notifications, n => Assert.NotNull(n.DeliveredAt));
        // Every stored reminder went out once, through one instance or the other.
        Assert.Equal(notifications.Count, sent.Count);
        Assert.Equal(notifications.Select(n => n.Id).Order(), sent.Select(m => m.NotificationId).Order());
        // Run again later (a restart, another tick): nothing new, nothing resent.
        Assert.Equal(0, await a.RunDueAsync(CancellationToken.None) + await b.RunDueAsync(CancellationToken.None));
        Assert.Equal(notifications.Count, sent.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_branch_is_told_what_it_owes_and_the_bell_shows_it_to_its_clerks(Provider provider)
    {
        var sent = new ConcurrentBag<OutboundMessage>();
        await using var app = await TestApp.StartAsync(provider, b => Recording(b, sent));
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var created = await app.Factory.Services.GetRequiredService<MonthlyReminders>().RunDueAsync(CancellationToken.None);
        var branchCount = await app.Db(async db => (await db.PartyOrgs.Select(o => o.Kind).ToListAsync()).Count(OrgLifeOrgs.IsBranch));
        Assert.True(created >= branchCount, $"{created} notifications for {branchCount} branches");
        var mine = await app.Db(db => db.Notifications.Where(n => n.OrgId == branch.Id).ToListAsync());
        var reminder = Assert.Single(mine);
        Assert.Equal("2026年11月组织生活提醒", reminder.Title);
        Assert.Contains("支委会：本月应至少召开1次，尚未召开", reminder.Lines);
        Assert.Contains("逾期：支委会2026年10月未召开", reminder.Lines);
        Assert.Contains(reminder.Lines, l => l.StartsWith("支部党员大会：2026年第四季度尚未召开", StringComparison.Ordinal));

        // The street's clerk gets the summary of its branches in the bell.
        var staff = await app.SignInAsync("staff");
        Assert.Equal(1, (await staff.GetJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32());
        var list = await staff.GetJsonAsync<JsonElement>("/api/v1/notifications");
        var id = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Contains("辖区", list.GetProperty("items")[0].GetProperty("lines")[0].GetString());
        await staff.PostAsync($"/api/v1/notifications/{id}/read");
        Assert.Equal(0, (await staff.GetJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32());
        // The sibling street's clerk has its own summary, and cannot touch this one.
        var staff2 = await app.SignInAsync("staff2");
        var other = await staff2.GetJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.DoesNotContain(id, other.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await staff2.PostAsync($"/api/v1/notifications/{id}/read")).StatusCode);

        // On demand, a reviewer sends the month's reminder again for a subtree.
        var county = await app.SignInAsync("orgadmin");
        var result = await Api.Read<JsonElement>(await county.PostAsync("/api/v1/orglife/reminders", new { orgId = app.Seed.FirstStreetOrgId }));
        Assert.True(result.GetProperty("branches").GetInt32() > 0);
        Assert.Equal(result.GetProperty("notifications").GetInt32(), result.GetProperty("delivered").GetInt32());
        Assert.Equal(2, await app.Db(db => db.Notifications.CountAsync(n => n.OrgId == branch.Id)));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await staff.PostAsync("/api/v1/orglife/reminders", new { })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Late_in_the_month_only_what_is_still_owed_is_sent_once(Provider provider)
    {
        var sent = new ConcurrentBag<OutboundMessage>();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero)); // the 21st, past the overdue day
        await using var app = await TestApp.StartAsync(provider, b => Recording(b, sent, clock));
        var reminders = app.Factory.Services.GetRequiredService<MonthlyReminders>();
        Assert.True(await reminders.RunDueAsync(CancellationToken.None) > 0);
        var titles = await app.Db(db => db.Notifications.Select(n => n.Title).Distinct().ToListAsync());
        Assert.All(titles, t => Assert.Contains("11月", t));
        Assert.DoesNotContain("2026年11月组织生活提醒", titles);
        Assert.Contains("11月组织生活待办（截至21日仍未完成）", titles);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await reminders.RunDueAsync(CancellationToken.None));
    }
}
