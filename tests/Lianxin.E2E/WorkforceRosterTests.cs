using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(ServerCollection.Name)]
public sealed partial class WorkforceRosterTests(AppServer server)
{
    private const string Name = "晏书宁";

    /// <summary>For what waits on the server (a save, a reload): the agents' machine is shared and sometimes slow.</summary>
    private const float Slow = 15_000;

    /// <summary>
    /// 370830 · 1995-05-20 · 322 (female): what <c>ChineseIdNumber.Compose("370830", new DateOnly(1995, 5, 20), 321, Gender.Female)</c>
    /// returns (an odd sequence is male, so it becomes 322). The E2E project does not reference the server assembly.
    /// </summary>
    private static readonly string IdNumber = Compose("37083019950520322");

    /// <summary>370830 · 1988-11-02 · 135 (male), for the import round trip.</summary>
    private static readonly string ImportedIdNumber = Compose("37083019881102135");

    [Fact]
    public async Task A_clerk_hires_a_worker_records_a_step_advance_and_sees_the_staffing_page()
    {
        var page = await server.SignedInPageAsync("staff");
        await page.GotoAsync("/workforce/workers");
        var table = page.Locator("[data-testid=worker-table]");
        await Assertions.Expect(table.Locator("[data-testid=worker-row]").First).ToBeVisibleAsync(new() { Timeout = Slow });
        await Assertions.Expect(page.Locator("[data-testid=worker-export]")).ToBeVisibleAsync(new() { Timeout = Slow });
        await Assertions.Expect(page.Locator("[data-testid=worker-import]")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AppServer.ShotAsync(page, "50-worker-roster");

        // 录入社区工作者: the ID number fills in gender and birth date; the community is picked in the org tree.
        await page.Locator("[data-testid=worker-new]").ClickAsync();
        var form = page.Locator("[data-testid=worker-form]");
        await form.Locator("[data-testid=worker-form-name] input").FillAsync(Name);
        await form.Locator("[data-testid=worker-form-id-number] input").FillAsync(IdNumber);
        await form.Locator("[data-testid=worker-form-id-number] input").BlurAsync();
        await Assertions.Expect(form.Locator("[data-testid=worker-form-birth-date] input").First).ToHaveValueAsync("1995-05-20");
        await form.Locator("[data-testid=worker-form-phone] input").FillAsync("13905375520");
        await AppServer.SelectAsync(page, "worker-form-political", "中共党员");
        await form.Locator("[data-testid=worker-form-org] input").First.ClickAsync();
        var popper = page.Locator(".el-tree-select__popper").Filter(new() { Visible = true });
        await popper.Locator(".el-tree-node__content").First.Locator(".el-tree-node__expand-icon").ClickAsync();
        var communityNode = popper.Locator(".el-tree-node__content", new() { HasText = "社区委员会" }).First;
        var community = (await communityNode.Locator(".org-option > span").First.InnerTextAsync()).Trim();
        await communityNode.ClickAsync();
        await Assertions.Expect(form.Locator("[data-testid=worker-form-org]")).ToContainTextAsync(community);
        await AppServer.FillDateAsync(page, "worker-form-hire-date", "2021-03-01");
        await AppServer.SelectAsync(page, "worker-form-post", "专职网格员");
        await FillNumberAsync(form, "worker-form-pay-post", 4);
        await FillNumberAsync(form, "worker-form-level", 2);
        await FillNumberAsync(form, "worker-form-step", 1);
        await AppServer.ShotAsync(page, "51-worker-form");
        await page.Locator("[data-testid=worker-form-submit]").ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync(new() { Timeout = Slow });

        // The new row, found by name.
        await page.Locator("[data-testid=worker-filter-name] input").FillAsync(Name);
        await page.Locator("[data-testid=worker-search]").ClickAsync();
        var row = table.Locator(".el-table__row").Filter(new() { HasText = Name });
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = Slow });
        await Assertions.Expect(row).ToContainTextAsync(community);
        await Assertions.Expect(row).ToContainTextAsync("四岗·2级·1档");
        await Assertions.Expect(row).ToContainTextAsync("在岗");
        await AppServer.ShotAsync(page, "52-worker-found");

        // The profile: masked numbers (staff may not reveal), the post as hired.
        await row.Locator("[data-testid=worker-row]").ClickAsync();
        await page.WaitForURLAsync(WorkerUrl());
        await Assertions.Expect(page.Locator("[data-testid=worker-name]")).ToHaveTextAsync(Name);
        await Assertions.Expect(page.Locator("[data-testid=worker-grade]")).ToContainTextAsync("专职网格员 · 四岗·2级·1档");
        await Assertions.Expect(page.Locator("[data-testid=worker-header]")).ToContainTextAsync("370830********");
        await Assertions.Expect(page.Locator("[data-testid=worker-header] .masked-value__eye")).ToHaveCountAsync(0, new() { Timeout = Slow });
        await AppServer.ShotAsync(page, "53-worker-profile");

        // 晋档 from the post history tab: the next step, from today.
        await page.Locator("[data-testid=worker-tabs] #tab-posts").ClickAsync();
        var history = page.Locator("[data-testid=post-history]");
        await Assertions.Expect(history.Locator(".el-table__row")).ToHaveCountAsync(1, new() { Timeout = Slow });
        await Assertions.Expect(history).ToContainTextAsync("聘用");
        await page.Locator("[data-testid=post-change-step-advance]").ClickAsync();
        var dialog = page.Locator("[data-testid=post-change-dialog]");
        await Assertions.Expect(dialog.Locator("[data-testid=post-change-step] input")).ToHaveValueAsync("2");
        await dialog.Locator("textarea").FillAsync("年度考核合格，按期晋档");
        await AppServer.ShotAsync(page, "54-post-change");
        await page.Locator("[data-testid=post-change-submit]").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = Slow });
        await Assertions.Expect(history.Locator(".el-table__row")).ToHaveCountAsync(2, new() { Timeout = Slow });
        var advance = history.Locator(".el-table__row").Filter(new() { HasText = "晋档" });
        await Assertions.Expect(advance).ToContainTextAsync("四岗·2级·2档");
        await Assertions.Expect(advance).ToContainTextAsync("年度考核合格，按期晋档");
        await Assertions.Expect(page.Locator("[data-testid=worker-grade]")).ToContainTextAsync("四岗·2级·2档");
        await AppServer.ShotAsync(page, "55-post-history");

        // 配备与结构: the ratio card and the structure.
        await page.GotoAsync("/workforce/staffing");
        await Assertions.Expect(page.Locator("[data-testid=staffing-ratio]")).ToBeVisibleAsync(new() { Timeout = Slow });
        await Assertions.Expect(page.Locator("[data-testid=staffing-ratio]")).ToContainTextAsync("标准");
        await Assertions.Expect(page.Locator("[data-testid=structure]")).ToBeVisibleAsync(new() { Timeout = Slow });
        await AppServer.ShotAsync(page, "56-staffing");
    }

    [Fact]
    public async Task A_county_clerk_reveals_a_workers_number_and_imports_the_exported_roster_back_unchanged()
    {
        var page = await server.SignedInPageAsync("orgadmin");
        // A community of its own with one worker: the demo's community names repeat across streets and the demo
        // organizations have no codes, so only a uniquely named community's export can name its 所在社区 again.
        var street = (await AppServer.ApiAsync(page, "GET", "/api/v1/orgs/search?q=" + Uri.EscapeDataString("街道工作委员会") + "&limit=1"))[0].GetProperty("id").GetGuid();
        var orgId = (await AppServer.ApiAsync(page, "POST", "/api/v1/orgs", new { parentId = street, name = "中共花名册测试社区党委", kind = "PartyCommittee" }))
            .GetProperty("id").GetGuid();
        var workerId = (await AppServer.ApiAsync(page, "POST", "/api/v1/workforce/workers", new
        {
            name = "范立群", idNumber = ImportedIdNumber, gender = "Male", birthDate = "1988-11-02", phone = "13905371102", orgId, ethnicity = "汉族",
            education = "Bachelor", politicalStatus = "Masses", hireDate = "2019-06-01", post = "Other", payPost = 5, level = 1, step = 1,
        })).GetProperty("worker").GetProperty("id").GetString()!;

        // The full ID number through the roster's own reveal endpoint.
        await page.GotoAsync($"/workforce/workers/{workerId}");
        await Assertions.Expect(page.Locator("[data-testid=worker-name]")).ToHaveTextAsync("范立群");
        var reveal = page.WaitForRequestAsync(r => r.Method == "POST" && r.Url.EndsWith($"/api/v1/workforce/workers/{workerId}/reveal", StringComparison.Ordinal));
        await page.Locator("[data-testid=worker-header] .masked-value__eye").First.ClickAsync();
        Assert.Contains("\"idNumber\"", (await reveal).PostData, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=worker-header] .masked-value__text.is-revealed").First).ToHaveTextAsync(ImportedIdNumber);

        // Export the community's roster in full, then import the file as it is: the worker is on the roster already.
        await page.GotoAsync($"/workforce/workers?orgId={orgId}");
        var table = page.Locator("[data-testid=worker-table]");
        await Assertions.Expect(table.Locator("[data-testid=worker-row]")).ToHaveCountAsync(1, new() { Timeout = Slow });
        await page.Locator("[data-testid=worker-export]").ClickAsync();
        await page.Locator("[data-testid=worker-export-full]").ClickAsync();
        var download = page.WaitForDownloadAsync();
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确认导出" }).ClickAsync();
        var file = Path.Combine(Path.GetTempPath(), $"lianxin-workers-{Guid.NewGuid():N}.xlsx");
        await (await download).SaveAsAsync(file);
        try
        {
            await page.Locator("[data-testid=worker-import]").ClickAsync();
            var dialog = page.Locator("[data-testid=worker-import-dialog]");
            await Assertions.Expect(dialog).ToContainTextAsync("请先导出花名册作为模板（表头不可修改）");
            await dialog.Locator("[data-testid=import-file] input[type=file]").SetInputFilesAsync(file);
            await Assertions.Expect(dialog.Locator("[data-testid=import-file-chosen]")).ToBeVisibleAsync(new() { Timeout = Slow });
            await AppServer.ShotAsync(page, "57-worker-import");
            await dialog.Locator("[data-testid=import-start]").ClickAsync();
            await Assertions.Expect(dialog.Locator("[data-testid=import-committed]")).ToHaveTextAsync("已写入系统", new() { Timeout = Slow });
            await Assertions.Expect(dialog.Locator("[data-testid=import-summary-unchanged]")).ToHaveTextAsync("未变化 1");
            await Assertions.Expect(dialog.Locator("[data-testid=import-verdict]")).ToContainTextAsync("全部导入成功");
            await Assertions.Expect(dialog.Locator("[data-testid=import-report-table]")).ToContainTextAsync("范立群");
            await AppServer.ShotAsync(page, "58-worker-import-report");
            await dialog.Locator("[data-testid=import-done]").ClickAsync();
            await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = Slow });
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Types into an el-input-number (by its testid) and leaves it, so that the value is committed.</summary>
    private static async Task FillNumberAsync(ILocator scope, string testid, int value)
    {
        var input = scope.Locator($"[data-testid={testid}] input");
        await input.FillAsync(value.ToString(CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }

    /// <summary>GB 11643 check character appended to the first 17 characters (as the server's ChineseIdNumber computes it).</summary>
    private static string Compose(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    [GeneratedRegex(@"/workforce/workers/[0-9a-f-]{36}$")]
    private static partial Regex WorkerUrl();
}
