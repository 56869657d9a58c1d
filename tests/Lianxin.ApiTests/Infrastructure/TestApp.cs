using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Infrastructure;

/// <summary>One test's application: a fresh seeded database and the real app on top of it.</summary>
public sealed class TestApp : IAsyncDisposable
{
    public LianxinFactory Factory { get; }
    public Provider Provider { get; }
    public DemoSeeder.Generated Seed => TestDatabases.Generated!;

    private TestApp(LianxinFactory factory, Provider provider) { Factory = factory; Provider = provider; }

    public static async Task<TestApp> StartAsync(Provider provider, Action<IWebHostBuilder>? configure = null)
    {
        var db = await TestDatabases.NewDatabaseAsync(provider);
        return new TestApp(new LianxinFactory(db, configure), provider);
    }

    public Api Anonymous() => new(Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));

    public async Task<Api> SignInAsync(string userName, string password = DemoSeeder.DemoPassword)
    {
        var api = Anonymous();
        var resp = await api.LoginAsync(userName, password);
        Assert.True(resp.StatusCode == HttpStatusCode.OK, $"sign-in of {userName} failed: {(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
        return api;
    }

    public Task<T> Db<T>(Func<AppDbContext, Task<T>> query) =>
        Factory.AsSystemAsync(sp => query(sp.GetRequiredService<AppDbContext>()));

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>An HTTP client that keeps the session cookie and sends the antiforgery header like the console does.</summary>
public sealed class Api(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private string? _xsrf;

    public HttpClient Http => http;

    public async Task<string> RefreshAntiforgeryAsync()
    {
        var resp = await http.GetAsync("/api/v1/auth/antiforgery");
        resp.EnsureSuccessStatusCode();
        _xsrf = (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        return _xsrf!;
    }

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password)
    {
        await RefreshAntiforgeryAsync();
        var resp = await SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { userName, password });
        if (resp.Headers.TryGetValues("Set-Cookie", out var cookies))
            foreach (var c in cookies.Where(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal)))
                _xsrf = Uri.UnescapeDataString(c["XSRF-TOKEN=".Length..c.IndexOf(';', StringComparison.Ordinal)]);
        return resp;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    public async Task<T> GetJsonAsync<T>(string url)
    {
        var resp = await http.GetAsync(url);
        Assert.True(resp.IsSuccessStatusCode, $"GET {url} → {(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
        return (await resp.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) => SendAsync(HttpMethod.Post, url, body);
    public Task<HttpResponseMessage> PutAsync(string url, object? body) => SendAsync(HttpMethod.Put, url, body);
    public Task<HttpResponseMessage> DeleteAsync(string url) => SendAsync(HttpMethod.Delete, url, null);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, bool withToken = true)
    {
        using var req = new HttpRequestMessage(method, url);
        if (body is not null) req.Content = JsonContent.Create(body, options: Json);
        if (withToken && _xsrf is not null) req.Headers.Add("X-XSRF-TOKEN", _xsrf);
        return await http.SendAsync(req);
    }

    /// <summary>A multipart upload of one file in the field "file", as the console's upload controls send it.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string url, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, url);
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        req.Content = form;
        if (_xsrf is not null) req.Headers.Add("X-XSRF-TOKEN", _xsrf);
        return await http.SendAsync(req);
    }

    public static async Task<T> Read<T>(HttpResponseMessage resp) => (await resp.Content.ReadFromJsonAsync<T>(Json))!;

    /// <summary>The problem+json body, asserting the status and the media type.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage resp, HttpStatusCode status)
    {
        var text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.StatusCode == status, $"expected {(int)status}, got {(int)resp.StatusCode}: {text}");
        Assert.Equal("application/problem+json", resp.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The Chinese messages for one field of a validation problem.</summary>
    public static IReadOnlyList<string> FieldErrors(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var list)
            ? [.. list.EnumerateArray().Select(e => e.GetString()!)] : [];
}
