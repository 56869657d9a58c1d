using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.Grids.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Modules;

/// <summary>居民随手拍: SMS-code sign-in, reporting, one's own events only, rating.</summary>
public sealed class ResidentTests : ApiTestBase
{
    private sealed class RecordingSms(ConcurrentDictionary<string, string> codes) : ISmsCodeSender
    {
        public Task SendAsync(string phone, string code, CancellationToken ct)
        {
            codes[phone] = code;
            return Task.CompletedTask;
        }
    }

    private static async Task<Api> SignInResident(TestApp app, ConcurrentDictionary<string, string> codes, string phone)
    {
        var api = app.Anonymous();
        await api.RefreshAntiforgeryAsync();   // as the phone page does before its first write
        var sent = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/resident/code", new { phone }));
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("demoCode").ValueKind);   // never echoed outside the demo
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/resident/login", new { phone, code = codes[phone] })).StatusCode);
        return api;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_resident_signs_in_by_code_reports_sees_only_their_own_events_and_rates_a_closed_one(Provider provider)
    {
        var codes = new ConcurrentDictionary<string, string>();
        await using var app = await TestApp.StartAsync(provider, b => b.ConfigureTestServices(s => s.AddSingleton<ISmsCodeSender>(new RecordingSms(codes))));
        var staff = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync("/api/v1/grid/grids",
            new { orgId = community.Id, level = "First", name = "居民网格", code = "RS-A", boundary = Seeded.Square(116.50, 35.70) })).StatusCode);

        // Wrong codes are refused and counted; a code cannot be asked for again within a minute.
        var anon = app.Anonymous();
        Assert.Equal(HttpStatusCode.BadRequest, (await anon.PostAsync("/api/v1/resident/code", new { phone = "13912340000" })).StatusCode);   // no antiforgery token
        await anon.RefreshAntiforgeryAsync();
        await anon.PostAsync("/api/v1/resident/code", new { phone = "13912340000" });
        var p = await Api.Problem(await anon.PostAsync("/api/v1/resident/code", new { phone = "13912340000" }), HttpStatusCode.BadRequest);
        Assert.Contains("1分钟", Api.FieldErrors(p, "phone")[0]);
        var wrong = codes["13912340000"] == "000000" ? "111111" : "000000";
        p = await Api.Problem(await anon.PostAsync("/api/v1/resident/login", new { phone = "13912340000", code = wrong }), HttpStatusCode.BadRequest);
        Assert.Contains("不正确", Api.FieldErrors(p, "code")[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync("/api/v1/resident/events")).StatusCode);

        var resident = await SignInResident(app, codes, "13912345678");
        // A resident holds no platform role: the clerks' API is closed to them.
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync("/api/v1/grid/events")).StatusCode);
        var leaf = await app.Db(db => db.EventCategories.Where(c => c.Code == "HJWS-01").Select(c => c.Id).FirstAsync());
        p = await Api.Problem(await resident.PostAsync("/api/v1/resident/events", new { categoryId = leaf, description = "垃圾", address = "某处" }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "lon"));
        var created = await Api.Read<JsonElement>(await resident.PostAsync("/api/v1/resident/events",
            new { categoryId = leaf, description = "楼下垃圾三天没人收", lon = 116.503, lat = 35.703, name = "王阿姨" }));
        var id = created.GetProperty("event").GetProperty("id").GetGuid();
        Assert.Equal("居民网格", created.GetProperty("event").GetProperty("gridName").GetString());
        Assert.Equal("Resident", created.GetProperty("event").GetProperty("reporterKind").GetString());
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        Assert.Equal(HttpStatusCode.Created, (await resident.UploadAsync($"/api/v1/resident/events/{id}/photos", png, "楼下.png")).StatusCode);

        // Another resident sees none of it.
        var other = await SignInResident(app, codes, "13700001111");
        Assert.Empty((await other.GetJsonAsync<JsonElement>("/api/v1/resident/events")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/resident/events/{id}")).StatusCode);

        // The community closes it; the resident sees the steps (handlers by role, not by name) and rates it once.
        foreach (var (action, body) in new (string, object)[] { ("accept", new { }), ("dispatch", new { toGrid = true }), ("start", new { }),
                     ("feedback", new { note = "已清运" }), ("pass", new { }) })
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/grid/events/{id}/actions/{action}", body)).StatusCode);
        var mine = await resident.GetJsonAsync<JsonElement>($"/api/v1/resident/events/{id}");
        Assert.Equal(["Rate"], mine.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain(mine.GetProperty("steps").EnumerateArray(), s => s.GetProperty("actorName").GetString() == "李工作");
        var rated = await Api.Read<JsonElement>(await resident.PostAsync($"/api/v1/resident/events/{id}/rate", new { rating = 4, note = "还可以" }));
        Assert.Equal(4, rated.GetProperty("event").GetProperty("rating").GetInt32());
        Assert.Empty(rated.GetProperty("allowedActions").EnumerateArray());
        p = await Api.Problem(await resident.PostAsync($"/api/v1/resident/events/{id}/rate", new { rating = 5 }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "rating"));
        // The hash of the phone number links the resident's events; the number itself is stored encrypted only.
        Assert.False(await app.Db(db => db.GridEvents.AnyAsync(e => e.ReporterPhoneCipher!.Contains("13912345678"))));
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsync("/api/v1/resident/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync("/api/v1/resident/events")).StatusCode);
    }
}
