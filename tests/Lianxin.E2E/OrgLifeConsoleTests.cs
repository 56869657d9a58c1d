using System.Text.Json;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(ServerCollection.Name)]
public sealed class OrgLifeConsoleTests(AppServer server)
{
    [Fact]
    public async Task A_clerk_records_a_committee_meeting_and_the_branchs_compliance_changes()
    {
        var page = await server.SignedInPageAsync("orgadmin");
        // A new branch with two members, so that nothing in the demo data has been held for it yet.
        var community = (await AppServer.ApiAsync(page, "GET", "/api/v1/orgs/search?q=" + Uri.EscapeDataString("社区委员会") + "&limit=1"))[0].GetProperty("id").GetGuid();
        var branch = (await AppServer.ApiAsync(page, "POST", "/api/v1/orgs", new { parentId = community, name = "测试社区楼院党支部", kind = "Branch" })).GetProperty("id").GetGuid();
        foreach (var (name, id, phone) in new[] { ("孙立新", "370830197003150213", "13905370001"), ("周建华", "370830197511200432", "13905370002") })
            await AppServer.ApiAsync(page, "POST", "/api/v1/members", new
            {
                name, idNumber = id, gender = "Male", birthDate = $"{id[6..10]}-{id[10..12]}-{id[12..14]}", phone, orgId = branch,
                joinedOn = "2000-07-01", fullMemberOn = "2001-07-01", status = "Full", category = "InService",
            });
        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var unit = page.Locator($"[data-testid=unit-CommitteeMeeting-{month}]");

        await page.GotoAsync($"/orglife/compliance/branch?orgId={branch}&from={month}&to={month}");
        await Assertions.Expect(unit).ToHaveAttributeAsync("data-state", "Pending");
        await AppServer.ShotAsync(page, "10-branch-compliance-before");

        // The record form, as 记录会议 opens it for this branch.
        await page.Locator("[data-testid=branch-meeting-new]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/orglife/meetings/new", StringComparison.Ordinal));
        await AppServer.SelectAsync(page, "meeting-kind", "支委会");
        await page.Locator("[data-testid=meeting-start-time] input").FillAsync("09:30");
        await page.Locator("[data-testid=meeting-place] input").FillAsync("社区党群服务中心");
        await page.Locator("[data-testid=meeting-host] input").FillAsync("孙立新");
        await page.Locator("[data-testid=meeting-topic] input").FillAsync("研究本月党员志愿服务安排");
        await page.Locator("[data-testid=meeting-minutes] textarea").FillAsync("会议研究了本月志愿服务安排，明确了分工。");
        await page.Locator("[data-testid=attendance-add-all]").ClickAsync();
        await page.Locator("[data-testid=attendance-all-present]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=attendance-counts]")).ToContainTextAsync("2");
        await AppServer.ShotAsync(page, "11-meeting-form");
        await page.Locator("[data-testid=meeting-submit]").ClickAsync();
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=meeting-readonly]")).ToBeVisibleAsync();
        await AppServer.ShotAsync(page, "12-meeting-submitted");

        await page.GotoAsync($"/orglife/compliance/branch?orgId={branch}&from={month}&to={month}");
        await Assertions.Expect(unit).ToHaveAttributeAsync("data-state", "Held");
        await AppServer.ShotAsync(page, "13-branch-compliance-after");
    }

    [Fact]
    public async Task The_bell_shows_the_months_reminder_summary_to_the_county()
    {
        var page = await server.SignedInPageAsync("orgadmin");
        // On demand (the scheduler has sent the month's reminder at start-up too): every branch and the county's summary.
        var sent = await AppServer.ApiAsync(page, "POST", "/api/v1/orglife/reminders", new { });
        Assert.True(sent.GetProperty("notifications").GetInt32() > 0);
        await page.ReloadAsync();
        var bell = page.Locator("[data-testid=notification-bell]");
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await bell.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notification-popover]")).ToContainTextAsync("辖区");
        await AppServer.ShotAsync(page, "14-bell");
    }
}
