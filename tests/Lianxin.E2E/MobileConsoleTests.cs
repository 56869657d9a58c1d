using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(ServerCollection.Name)]
public sealed class MobileConsoleTests(AppServer server)
{
    [Fact]
    public async Task A_clerk_registers_a_member_going_away_the_county_approves_and_the_flow_in_branch_sees_the_member()
    {
        var page = await server.SignedInPageAsync("orgadmin");
        // A member of one community, new, so that no episode of the demo data concerns them.
        var community = (await AppServer.ApiAsync(page, "GET", "/api/v1/orgs/search?q=" + Uri.EscapeDataString("社区委员会") + "&limit=1"))[0];
        var home = await AppServer.ApiAsync(page, "POST", "/api/v1/orgs", new { parentId = community.GetProperty("id").GetGuid(), name = "外出测试党支部", kind = "Branch" });
        await AppServer.ApiAsync(page, "POST", "/api/v1/members", new
        {
            name = "郑远航", idNumber = "370830196803120210", gender = "Male", birthDate = "1968-03-12", phone = "13905370088",
            orgId = home.GetProperty("id").GetGuid(), joinedOn = "1995-07-01", fullMemberOn = "1996-07-01", status = "Full", category = "InService",
        });
        var today = DateTime.UtcNow.AddHours(8);

        await page.GotoAsync("/mobile/episodes");
        await page.Locator("[data-testid=episode-new]").ClickAsync();
        var form = page.Locator("[data-testid=episode-form-dialog]");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.Locator("[data-testid=episode-member] input").FillAsync("郑远航");
        await page.Locator(".el-select-dropdown__item").Filter(new() { HasText = "郑远航", Visible = true }).First.ClickAsync();
        await form.Locator("[data-testid=episode-region-code] input").FillAsync("370102");
        await form.Locator("[data-testid=episode-region-name] input").FillAsync("山东省济南市历下区");
        await form.Locator("[data-testid=episode-address] input").FillAsync("泉城路街道芙蓉巷12号");
        await AppServer.SelectAsync(page, "episode-reason", "外出务工");
        await AppServer.FillDateAsync(page, "episode-left-on", today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await AppServer.FillDateAsync(page, "episode-expected-return", today.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator("[data-testid=episode-phone] input").FillAsync("13905370099");
        await form.Locator("[data-testid=episode-flow-in-org] input").FillAsync("驻济南");
        await page.Locator(".el-select-dropdown__item").Filter(new() { Has = page.GetByText("中共汶上县驻济南流动党员党支部", new() { Exact = true }), Visible = true })
            .First.ClickAsync();
        await AppServer.ShotAsync(page, "20-episode-form");
        await page.Locator("[data-testid=episode-form-submit]").ClickAsync();

        // The episode page: pending until the county approves.
        await Assertions.Expect(page.Locator("[data-testid=episode-state]")).ToHaveTextAsync("待审批");
        await page.Locator("[data-testid=episode-approve]").ClickAsync();
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "审批通过" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=episode-state]")).ToHaveTextAsync("外出中");
        await Assertions.Expect(page.Locator("[data-testid=episode-flow-in-org-name]")).ToContainTextAsync("驻济南流动党员党支部");
        await AppServer.ShotAsync(page, "21-episode-approved");

        // The clerk of the 济南 mobile branch finds the member among those flowing in, with the home branch named.
        var flowIn = await server.SignedInPageAsync("liudong");
        await flowIn.GotoAsync("/mobile/episodes");
        await flowIn.Locator("[data-testid=episode-side-in]").ClickAsync();
        var row = flowIn.Locator("[data-testid=episode-row]").Filter(new() { HasText = "郑远航" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("外出测试党支部");
        await AppServer.ShotAsync(flowIn, "22-flow-in-list");
        await row.ClickAsync();
        await Assertions.Expect(flowIn.Locator("[data-testid=episode-home-org]")).ToContainTextAsync("外出测试党支部");
        await Assertions.Expect(flowIn.Locator("[data-testid=episode-approve]")).ToHaveCountAsync(0);
        await AppServer.ShotAsync(flowIn, "23-flow-in-episode");
    }
}
