using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Platform.Access;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Platform;

/// <summary>Stateless instances behind a load balancer: what one instance issues, another accepts.</summary>
public sealed class ScaleOutTests : ApiTestBase
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_session_and_antiforgery_token_from_one_instance_work_on_another(Provider provider)
    {
        var database = await TestDatabases.NewDatabaseAsync(provider);
        await using var first = new LianxinFactory(database);
        await using var second = new LianxinFactory(database);
        var options = new WebApplicationFactoryClientOptions { HandleCookies = false };
        var a = first.CreateClient(options);
        var b = second.CreateClient(options);
        var cookies = new Dictionary<string, string>();

        var af = await a.GetAsync("/api/v1/auth/antiforgery");
        Keep(af, cookies);
        var token = (await af.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using (var login = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "staff", password = "Lianxin2026" }) })
        {
            login.Headers.Add("X-XSRF-TOKEN", token);
            login.Headers.Add("Cookie", Header(cookies));
            var resp = await a.SendAsync(login);
            Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
            Keep(resp, cookies);
        }
        Assert.True(cookies.ContainsKey("lianxin.session"));

        using (var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me"))
        {
            me.Headers.Add("Cookie", Header(cookies));
            var resp = await b.SendAsync(me);
            Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
            Assert.Equal("staff", (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userName").GetString());
        }
        using (var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout"))
        {
            logout.Headers.Add("Cookie", Header(cookies));
            logout.Headers.Add("X-XSRF-TOKEN", cookies["XSRF-TOKEN"]);
            Assert.Equal(HttpStatusCode.NoContent, (await b.SendAsync(logout)).StatusCode);
        }
        // On one machine both instances could also share a key folder in the user profile; across machines only
        // the database is shared, so the key ring must be there.
        var keys = await first.AsSystemAsync(sp => sp.GetRequiredService<AppDbContext>().Set<DataProtectionKey>().CountAsync());
        Assert.True(keys >= 1, "the data-protection key ring is not stored in the database");
    }

    private static void Keep(HttpResponseMessage resp, Dictionary<string, string> jar)
    {
        if (!resp.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var v in values)
        {
            var pair = v.Split(';')[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            jar[pair[..eq]] = Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
    }

    private static string Header(Dictionary<string, string> jar) => string.Join("; ", jar.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));
}
