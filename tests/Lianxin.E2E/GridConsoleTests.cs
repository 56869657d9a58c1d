using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(ServerCollection.Name)]
public sealed class GridConsoleTests(AppServer server)
{
    /// <summary>A 1×1 red PNG: what a phone camera would hand over, small.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_grid_worker_reports_on_the_phone_the_street_closes_it_in_the_console_and_the_worker_rates_it()
    {
        // The phone: a grid worker standing inside the first demo grid.
        var phone = await PhoneInFirstGridAsync();
        await phone.GotoAsync("/m/");
        await phone.Locator("[data-testid=m-tab-staff]").ClickAsync();
        await phone.Locator("[data-testid=m-login-user]").FillAsync("wangge");
        await phone.Locator("[data-testid=m-login-password]").FillAsync("Lianxin2026");
        await phone.Locator("[data-testid=m-login-submit]").ClickAsync();
        var eventNumber = await ReportOnPhoneAsync(phone, "幸福路口东侧建筑垃圾堆放，影响行人通行", "现场.png", "30-phone-report");
        await Assertions.Expect(phone.Locator("[data-testid=m-event-status]")).ToContainTextAsync("待研判");
        await AppServer.ShotAsync(phone, "31-phone-event");

        // The street's clerk finds it in the queue, routed to the grid, with its photo, and takes it round the loop.
        var console = await server.SignedInPageAsync("staff");
        await console.GotoAsync("/grid/events?view=todo&status=Reported");
        var row = console.Locator("[data-testid=event-row]").Filter(new() { HasText = eventNumber });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await AppServer.ShotAsync(console, "32-event-queue");
        await row.ClickAsync();
        await Assertions.Expect(console.Locator("[data-testid=event-number]")).ToHaveTextAsync(eventNumber);
        await Assertions.Expect(console.Locator(".event-photo")).ToHaveCountAsync(1);
        await console.Locator("[data-testid=event-action-accept]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-testid=event-status]")).ToHaveTextAsync("待派单");
        await console.Locator("[data-testid=event-action-dispatch]").ClickAsync();
        await console.Locator("[data-testid=dispatch-grid-mode]").ClickAsync();
        await console.Locator("[data-testid=action-submit]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-testid=event-status]")).ToHaveTextAsync("待处置");
        await console.Locator("[data-testid=event-action-start]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-testid=event-status]")).ToHaveTextAsync("处置中");
        await console.Locator("[data-testid=event-action-feedback]").ClickAsync();
        await console.Locator("[data-testid=action-note]").FillAsync("已协调环卫清运完毕");
        await console.Locator("[data-testid=action-submit]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-testid=event-status]")).ToHaveTextAsync("待核查");
        await console.Locator("[data-testid=event-action-pass]").ClickAsync();
        await console.Locator("[data-testid=action-submit]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-testid=event-status]")).ToHaveTextAsync("已办结");
        await Assertions.Expect(console.Locator("[data-testid=event-timeline] .el-timeline-item")).ToHaveCountAsync(6);
        await AppServer.ShotAsync(console, "33-event-closed");

        // Back on the phone, the worker sees it closed and rates it.
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("[data-testid=m-event-status]")).ToContainTextAsync("已办结");
        await phone.Locator("[data-testid=m-rate] .van-rate__item").Nth(4).ClickAsync();
        await phone.Locator("[data-testid=m-rate-comment]").FillAsync("清理及时");
        await phone.Locator("[data-testid=m-rate-submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=m-timeline]")).ToContainTextAsync("评价");
        await AppServer.ShotAsync(phone, "34-phone-rated");

        // The map and the figures reflect it.
        await console.GotoAsync("/grid/map");
        await Assertions.Expect(console.Locator("[data-testid=grid-map] canvas").First).ToBeVisibleAsync();
        await AppServer.ShotAsync(console, "35-grid-map");
        await console.GotoAsync("/grid/figures");
        await Assertions.Expect(console.Locator("[data-testid=figures-closed-rate]")).ToContainTextAsync("%");
        await AppServer.ShotAsync(console, "36-event-figures");
    }

    [Fact]
    public async Task A_resident_signs_in_with_an_sms_code_reports_with_a_photo_and_sees_only_their_own_events()
    {
        var phone = await PhoneInFirstGridAsync();
        await phone.GotoAsync("/m/");
        await phone.Locator("[data-testid=m-tab-resident]").ClickAsync();
        await phone.Locator("[data-testid=m-resident-phone]").FillAsync("13700001111");
        await phone.Locator("[data-testid=m-resident-send]").ClickAsync();
        // The demo server has no SMS gateway: it shows the code and fills it in.
        await Assertions.Expect(phone.Locator("[data-testid=m-demo-code]")).ToBeVisibleAsync();
        await AppServer.ShotAsync(phone, "37-resident-login");
        await phone.Locator("[data-testid=m-resident-submit]").ClickAsync();

        var eventNumber = await ReportOnPhoneAsync(phone, "小区门口共享单车乱停，堵住盲道", "盲道.png", "37b-resident-report");
        await Assertions.Expect(phone.Locator("[data-testid=m-event-status]")).ToContainTextAsync("待研判");
        await AppServer.ShotAsync(phone, "38-resident-event");

        // Home lists this resident's own report, and nothing reported by the grid workers.
        await phone.GotoAsync("/m/");
        var items = phone.Locator("[data-testid=m-event-item]");
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await Assertions.Expect(items.First).ToContainTextAsync("盲道");
        await AppServer.ShotAsync(phone, "39-resident-home");

        // The street's queue has it, reported by a resident (the phone number masked).
        var console = await server.SignedInPageAsync("staff");
        await console.GotoAsync("/grid/events?view=todo&status=Reported");
        var row = console.Locator("[data-testid=event-row]").Filter(new() { HasText = eventNumber });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.ClickAsync();
        await Assertions.Expect(console.Locator("[data-testid=event-number]")).ToHaveTextAsync(eventNumber);
        await Assertions.Expect(console.Locator("body")).Not.ToContainTextAsync("13700001111");
        await phone.Context.CloseAsync();
    }

    /// <summary>A phone (390×844, touch) standing inside the first demo grid, on the sign-in page's site.</summary>
    private async Task<IPage> PhoneInFirstGridAsync()
    {
        var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", BaseURL = server.BaseUrl, IsMobile = true, HasTouch = true,
            Geolocation = new() { Longitude = 116.4031f, Latitude = 35.6623f }, Permissions = ["geolocation"],
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>随手拍 from the home page: located, 环境卫生/乱堆乱放, a description and one photo; the new event's number.</summary>
    private static async Task<string> ReportOnPhoneAsync(IPage phone, string description, string photoName, string shot)
    {
        await phone.Locator("[data-testid=m-report]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=m-locate-status]")).ToContainTextAsync("116.4031");
        await phone.Locator("[data-testid=m-category]").ClickAsync();
        await phone.GetByText("环境卫生", new() { Exact = true }).Last.ClickAsync();
        await phone.GetByText("乱堆乱放", new() { Exact = true }).Last.ClickAsync();
        await phone.Locator("[data-testid=m-category-confirm]").ClickAsync();
        await phone.Locator("[data-testid=m-description]").FillAsync(description);
        await phone.Locator("[data-testid=m-photo] input[type=file]").SetInputFilesAsync(new FilePayload { Name = photoName, MimeType = "image/png", Buffer = Png });
        await AppServer.ShotAsync(phone, shot);
        await phone.Locator("[data-testid=m-submit]").ClickAsync();
        var number = phone.Locator("[data-testid=m-event-number]");
        await Assertions.Expect(number).ToContainTextAsync("-");
        return (await number.InnerTextAsync()).Trim();
    }
}
