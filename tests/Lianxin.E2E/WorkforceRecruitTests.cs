using System.Globalization;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>选聘 in the console: from a new announcement to a hired worker on the roster.</summary>
[Collection(ServerCollection.Name)]
public sealed class WorkforceRecruitTests(AppServer server)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A valid 居民身份证号码 (GB 11643 check character), female.</summary>
    private static string IdNumber(DateOnly birth, int sequence)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var seq = sequence % 2 == 0 ? sequence : sequence + 1;
        var first17 = "520201" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * weights[i];
        return first17 + "10X98765432"[sum % 11];
    }

    private static Task Tab(IPage page, string name) => page.GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();

    [Fact]
    public async Task A_clerk_takes_an_announcement_through_review_scores_and_publicity_to_a_hired_worker()
    {
        var page = await server.SignedInPageAsync("staff");
        var me = await AppServer.ApiAsync(page, "GET", "/api/v1/auth/me");
        var streetId = me.GetProperty("orgId").GetString()!;
        var street = await AppServer.ApiAsync(page, "GET", $"/api/v1/orgs/{streetId}");
        var community = (await AppServer.ApiAsync(page, "GET", $"/api/v1/orgs/children?parentId={streetId}")).EnumerateArray().First().GetProperty("name").GetString()!;

        // The list (the demo has this year's announcement with its 公示 running).
        await page.GotoAsync("/workforce/announcements");
        await Assertions.Expect(page.Locator("[data-testid=announcement-table]")).ToContainTextAsync("公示中");
        await AppServer.ShotAsync(page, "50-recruit-list");

        // A new announcement: one position in a community of the street, the default checklists and weights.
        await page.Locator("[data-testid=announcement-new]").ClickAsync();
        var dialog = page.Locator("[data-testid=announcement-dialog]");
        await Assertions.Expect(dialog.Locator("[data-testid=condition-7]")).ToBeVisibleAsync();   // 8 资格条件 loaded
        await dialog.Locator("[data-testid=announcement-title] input").FillAsync("E2E社区工作者选聘公告");
        await AppServer.FillDateAsync(page, "announcement-apply-from", D(Today.AddDays(-25)));
        await AppServer.FillDateAsync(page, "announcement-apply-to", D(Today.AddDays(-15)));
        await dialog.Locator("[data-testid=position-community-0] input").First.ClickAsync();
        var popper = page.Locator(".el-tree-select__popper").Filter(new() { Visible = true });
        var streetName = street.GetProperty("name").GetString()!;
        await popper.Locator(".el-tree-node__content", new() { HasText = streetName }).First.Locator(".el-tree-node__expand-icon").ClickAsync();
        await popper.Locator(".el-tree-node__content", new() { HasText = community }).First.ClickAsync();
        await AppServer.ShotAsync(page, "51-recruit-form");
        await page.Locator("[data-testid=announcement-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=announcement-status]")).ToHaveTextAsync("草稿");
        await Assertions.Expect(page.Locator("[data-testid=positions-table]")).ToContainTextAsync(community);

        // Publish, then enter two applications.
        await page.Locator("[data-testid=announcement-open]").ClickAsync();
        await page.Locator(".el-message-box__btns .el-button--primary").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=announcement-status]")).ToHaveTextAsync("报名中");
        await Tab(page, "报名与资格审查");
        (string Name, string Id, string Phone)[] applicants =
            [("韩雪梅", IdNumber(new DateOnly(1998, 4, 12), 102), "13985001234"), ("冯晓琳", IdNumber(new DateOnly(1996, 9, 3), 208), "13985005678")];
        foreach (var (name, id, phone) in applicants)
        {
            await page.Locator("[data-testid=application-new]").ClickAsync();
            var form = page.Locator("[data-testid=application-dialog]");
            await form.Locator("[data-testid=application-name] input").FillAsync(name);
            await form.Locator("[data-testid=application-id-number] input").FillAsync(id);
            await form.Locator("[data-testid=application-phone] input").FillAsync(phone);
            await AppServer.SelectAsync(page, "application-education", "大学本科");
            await page.Locator("[data-testid=application-submit]").ClickAsync();
            await Assertions.Expect(form).ToBeHiddenAsync();
        }
        var table = page.Locator("[data-testid=applications-table]");
        await Assertions.Expect(table.Locator(".el-table__body tr")).ToHaveCountAsync(2);
        await Assertions.Expect(table).ToContainTextAsync("需人工审核");   // the residence condition has no region code: left to the 联审
        await Assertions.Expect(table).ToContainTextAsync("520201********");

        // 联审: all four departments without objection, passed.
        for (var i = 0; i < 2; i++)
        {
            await table.Locator("[data-testid=application-review-open]").Nth(i).ClickAsync();
            var review = page.Locator("[data-testid=review-dialog]");
            await Assertions.Expect(review.Locator("[data-testid=review-opinions]")).ToContainTextAsync("公安部门");
            if (i == 0) await AppServer.ShotAsync(page, "52-recruit-review");
            await page.Locator("[data-testid=review-submit]").ClickAsync();
            await Assertions.Expect(review).ToBeHiddenAsync();
        }
        await Assertions.Expect(table.Locator("[data-testid=application-review]", new() { HasText = "通过" })).ToHaveCountAsync(2);
        await AppServer.ShotAsync(page, "53-recruit-applications");

        // Scores, inline; the ranking follows.
        await Tab(page, "成绩与排名");
        decimal[][] scores = [[86.5m, 90m], [80m, 84.5m]];
        var scoreTable = page.Locator("[data-testid=score-table]");
        await Assertions.Expect(scoreTable.Locator(".el-table__body tr")).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++)
        {
            var rowName = await scoreTable.Locator(".el-table__body tr").Nth(i).Locator("td").First.InnerTextAsync();
            var s = scores[Array.FindIndex(applicants, a => a.Name == rowName.Trim())];
            await page.Locator($"[data-testid=score-written-{i}] input").FillAsync(s[0].ToString(CultureInfo.InvariantCulture));
            await page.Locator($"[data-testid=score-interview-{i}] input").FillAsync(s[1].ToString(CultureInfo.InvariantCulture));
            await page.Locator($"[data-testid=score-interview-{i}] input").BlurAsync();
            await page.Locator($"[data-testid=score-save-{i}]").ClickAsync();
            // The toast of the previous step may still be on screen: wait for this save's own.
            await Assertions.Expect(page.Locator(".el-message--success", new() { HasText = "已保存" }).Last).ToBeVisibleAsync();
        }
        var ranking = page.Locator("[data-testid=ranking-table]");
        await Assertions.Expect(ranking.Locator(".el-table__body tr")).ToHaveCountAsync(2);
        await Assertions.Expect(ranking.Locator(".el-table__body tr").First).ToContainTextAsync("韩雪梅");
        await Assertions.Expect(ranking.Locator(".el-table__body tr").First).ToContainTextAsync("88.60");   // 86.5×0.4 + 90×0.6
        await AppServer.ShotAsync(page, "54-recruit-ranking");

        // 公示 that already happened: from a past day, five working days, the top one only (within the one place).
        await Tab(page, "公示");
        await Assertions.Expect(page.Locator("[data-testid='publicize-pick-韩雪梅'] input")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-testid='publicize-pick-冯晓琳']")).ToHaveCountAsync(0);
        await AppServer.FillDateAsync(page, "publicize-from", D(Today.AddDays(-14)));
        await page.Locator("[data-testid=publicize-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=publicity-period]")).ToContainTextAsync("已期满");
        await Assertions.Expect(page.Locator("[data-testid=publicity-table]")).ToContainTextAsync("韩*梅");
        await AppServer.ShotAsync(page, "55-recruit-publicity");

        // 聘用: into the roster of the community, with the position's starting grade.
        await Tab(page, "聘用");
        await Assertions.Expect(page.Locator("[data-testid=hire-state]")).ToContainTextAsync("公示期已满");
        await AppServer.FillDateAsync(page, "hire-date", D(Today));
        await page.Locator("[data-testid=hire-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=hired-list]")).ToContainTextAsync("韩雪梅");
        await Assertions.Expect(page.Locator("[data-testid=announcement-status]")).ToHaveTextAsync("已结束");
        await AppServer.ShotAsync(page, "56-recruit-hired");

        var workers = await AppServer.ApiAsync(page, "GET", "/api/v1/workforce/workers?q=" + Uri.EscapeDataString("韩雪梅"));
        Assert.Equal(1, workers.GetProperty("total").GetInt32());
        var worker = workers.GetProperty("items")[0];
        Assert.Equal(community, worker.GetProperty("orgName").GetString());
        Assert.Equal("专职网格员", worker.GetProperty("postLabel").GetString());
        Assert.Equal(D(Today), worker.GetProperty("hireDate").GetString());
    }
}
