using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>
/// The real thing, as a user gets it: the built server process started with `serve --demo` on a fresh SQLite
/// file and a free loopback port, serving the built console; and Debian's Chromium driven by Playwright
/// (never a downloaded browser). Screenshots go to artifacts/test/screenshots.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private Process? _process;
    private readonly StringBuilder _output = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("lianxin-e2e").FullName;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string Output { get { lock (_output) return _output.ToString(); } }
    public static string RepoRoot { get; } = FindRepoRoot();
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepoRoot, "artifacts", "test", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!; // bin/<Configuration>/net10.0
        var dll = Path.Combine(RepoRoot, "src", "Lianxin", "bin", configuration, "net10.0", "Lianxin.dll");
        Assert.True(File.Exists(dll), $"server not built: {dll}");
        Assert.True(File.Exists(Path.Combine(RepoRoot, "src", "Lianxin", "wwwroot", "index.html")), "console not built: run scripts/build-web.sh (test.sh does)");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll, "serve", "--demo", "--db", $"sqlite:{Path.Combine(_dir, "e2e.db")}", "--urls", BaseUrl])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir,
        };
        start.Environment["Lianxin__DataDirectory"] = _dir;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.False(_process.HasExited, "server exited:\n" + Output);
            try
            {
                if ((await http.GetAsync(BaseUrl + "/api/v1/health")).StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            Assert.True(DateTime.UtcNow < deadline, "server did not start in 90 s:\n" + Output);
            await Task.Delay(250);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, Locale = "zh-CN", BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string user, string password = "Lianxin2026")
    {
        await page.GotoAsync("/login");
        await page.Locator("[data-testid=login-username] input").FillAsync(user);
        await page.Locator("[data-testid=login-password] input").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
    }

    /// <summary>A fresh browser session signed in as the user, past the sign-in page.</summary>
    public async Task<IPage> SignedInPageAsync(string user)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, user);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>The API through the page's own session (cookies and the antiforgery header, as the console sends them).</summary>
    public static async Task<JsonElement> ApiAsync(IPage page, string method, string url, object? body = null)
    {
        var token = (await (await page.APIRequest.GetAsync("/api/v1/auth/antiforgery")).JsonAsync())!.Value.GetProperty("token").GetString()!;
        var resp = await page.APIRequest.FetchAsync(url, new()
        {
            Method = method, DataObject = body, Headers = new Dictionary<string, string> { ["X-XSRF-TOKEN"] = token },
        });
        Assert.True(resp.Ok, $"{method} {url}: {resp.Status} {await resp.TextAsync()}");
        return (await resp.JsonAsync())!.Value;
    }

    /// <summary>Types a date into a date-input (by its testid) and confirms it.</summary>
    public static async Task FillDateAsync(IPage page, string testid, string value)
    {
        var input = page.Locator($"[data-testid={testid}] input").First;
        await input.ClickAsync();
        await input.FillAsync(value);
        await input.PressAsync("Enter");
    }

    /// <summary>Opens an el-select (by its testid) and picks the visible option with this text.</summary>
    public static async Task SelectAsync(IPage page, string testid, string option)
    {
        await page.Locator($"[data-testid={testid}]").ClickAsync();
        await page.Locator(".el-select-dropdown__item").Filter(new() { HasText = option, Visible = true }).First.ClickAsync();
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = false });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_process is { HasExited: false }) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Directory.Packages.props"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<AppServer>
{
    public const string Name = "server";
}
