using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(ServerCollection.Name)]
public sealed partial class ConsoleTests(AppServer server)
{
    private static Task SignInAsync(IPage page, string user, string password = "Lianxin2026") => AppServer.SignInAsync(page, user, password);

    private Task<IPage> SignedInAsync(string user) => server.SignedInPageAsync(user);

    [Fact]
    public void The_demo_command_printed_the_address_and_the_logins()
    {
        Assert.Contains("连心 Lianxin 已启动：" + server.BaseUrl, server.Output, StringComparison.Ordinal);
        Assert.Contains("orgadmin", server.Output, StringComparison.Ordinal);
        Assert.Contains("密码均为 Lianxin2026", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_stays_on_the_sign_in_page()
    {
        var page = await server.NewPageAsync();
        await SignInAsync(page, "orgadmin", "not-the-password");
        var error = page.Locator("[data-testid=login-error]");
        await Assertions.Expect(error).ToContainTextAsync("用户名或密码错误");
        await AppServer.ShotAsync(page, "01-login-wrong-password");
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_opens_the_tree_creates_a_member_and_finds_it_in_the_list()
    {
        var page = await SignedInAsync("orgadmin");

        // The organization tree: lazy-loaded from the user's own root, searchable.
        await page.GotoAsync("/orgs");
        var tree = page.Locator("[data-testid=org-tree]");
        await Assertions.Expect(tree).ToContainTextAsync("中共汶上县委员会");
        await Assertions.Expect(tree).ToContainTextAsync("中共中都街道工作委员会");
        await page.Locator("[data-testid=org-search] input").FillAsync("驻北京流动党支部");
        await page.GetByText("汶上县驻北京流动党支部").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=org-detail]")).ToContainTextAsync("流动党支部");
        await AppServer.ShotAsync(page, "02-org-tree");

        // A new member, through the form.
        await page.GotoAsync("/members");
        await Assertions.Expect(page.Locator("[data-testid=member-table]")).ToContainTextAsync("正式党员");
        await page.Locator("[data-testid=member-new]").ClickAsync();
        var form = page.Locator("[data-testid=member-form]");
        await form.Locator("[data-testid=member-form-name] input").FillAsync("郑端试");
        await form.Locator("[data-testid=member-form-id-number] input").FillAsync("370830198506150076");
        await form.Locator("[data-testid=member-form-id-number] input").BlurAsync();
        await form.Locator("[data-testid=member-form-phone] input").FillAsync("13905371234");
        await form.Locator("[data-testid=member-form-org] input").First.ClickAsync();
        var popper = page.Locator(".el-tree-select__popper").Filter(new() { Visible = true });
        await popper.Locator(".el-tree-node__content", new() { HasText = "中共汶上县委员会" }).Locator(".el-tree-node__expand-icon").ClickAsync();
        await popper.Locator(".el-tree-node__content", new() { HasText = "汶上县驻北京流动党支部" }).First.ClickAsync();
        await AppServer.FillDateAsync(page, "member-form-joined-on", "2008-07-01");
        await AppServer.FillDateAsync(page, "member-form-full-member-on", "2009-07-01");
        await AppServer.ShotAsync(page, "03-member-form");
        await page.Locator("[data-testid=member-form-submit]").ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync();

        await page.Locator("[data-testid=member-filter-name] input").FillAsync("郑端试");
        await page.Locator("[data-testid=member-search]").ClickAsync();
        var table = page.Locator("[data-testid=member-table]");
        await Assertions.Expect(table).ToContainTextAsync("郑端试");
        await Assertions.Expect(table).ToContainTextAsync("370830********0076");
        await Assertions.Expect(table).ToContainTextAsync("汶上县驻北京流动党支部");
        await AppServer.ShotAsync(page, "04-member-found");
    }

    [Fact]
    public async Task The_form_shows_the_servers_field_messages()
    {
        var page = await SignedInAsync("orgadmin");
        await page.GotoAsync("/members");
        await page.Locator("[data-testid=member-new]").ClickAsync();
        var form = page.Locator("[data-testid=member-form]");
        await form.Locator("[data-testid=member-form-name] input").FillAsync("校验测试");
        await form.Locator("[data-testid=member-form-id-number] input").FillAsync("370830198506150072"); // wrong check digit
        await page.Locator("[data-testid=member-form-submit]").ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync(MessageRegex());
        await AppServer.ShotAsync(page, "05-member-form-errors");
    }

    [Fact]
    public async Task A_clerk_edits_a_member_and_the_change_is_saved()
    {
        var page = await SignedInAsync("orgadmin");
        await page.GotoAsync("/members");
        await page.Locator("[data-testid=member-table] [data-testid=row-edit]").First.ClickAsync();
        var form = page.Locator("[data-testid=member-form]");
        await Assertions.Expect(form.Locator("[data-testid=member-form-name] input")).Not.ToHaveValueAsync("");
        var address = form.Locator(".el-form-item:has(.el-form-item__label:text-is('住址')) input");
        await address.FillAsync("汶上县中都街道幸福里8号楼2单元301室");
        var put = page.WaitForRequestAsync(r => r.Method == "PUT" && r.Url.Contains("/api/v1/members/", StringComparison.Ordinal));
        await page.Locator("[data-testid=member-form-submit]").ClickAsync();
        // The form sends the version it loaded, so a colleague's save in between would be refused, not overwritten.
        Assert.Matches("\"version\":\"[0-9a-f-]{36}\"", (await put).PostData);
        await Assertions.Expect(form).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("已保存")).ToBeVisibleAsync();
        await AppServer.ShotAsync(page, "08-member-edited");
    }

    [Fact]
    public async Task A_street_clerk_sees_only_their_own_street()
    {
        var page = await SignedInAsync("staff");
        await page.GotoAsync("/orgs");
        var tree = page.Locator("[data-testid=org-tree]");
        await Assertions.Expect(tree).ToContainTextAsync("中共汶上街道工作委员会");
        await Assertions.Expect(tree).Not.ToContainTextAsync("中共汶上县委员会");
        await Assertions.Expect(tree).Not.ToContainTextAsync("中共中都街道工作委员会");
        await AppServer.ShotAsync(page, "06-street-clerk-tree");
    }

    [Fact]
    public async Task The_auditor_verifies_the_log_chain()
    {
        var page = await SignedInAsync("auditor");
        await page.GotoAsync("/audit");
        await Assertions.Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("登录成功");
        await page.Locator("[data-testid=audit-verify]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=audit-verify-result]")).ToContainTextAsync("日志链完整");
        await AppServer.ShotAsync(page, "07-audit-verified");
    }

    [GeneratedRegex("校验位|请填写|请选择")]
    private static partial Regex MessageRegex();
}
