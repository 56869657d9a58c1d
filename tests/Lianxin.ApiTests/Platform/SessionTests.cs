using System.Net;
using Lianxin.ApiTests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Platform;

public sealed class SessionTests : ApiTestBase
{
    private static async Task<(TestApp App, ManualClock Clock)> StartWithClock(Provider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var app = await TestApp.StartAsync(provider, b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = clock);
        }));
        return (app, clock);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_session_idle_for_more_than_30_minutes_ends(Provider provider)
    {
        var (app, clock) = await StartWithClock(provider);
        await using var _ = app;
        var api = await app.SignInAsync("staff");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_session_in_use_stays_open_past_30_minutes(Provider provider)
    {
        var (app, clock) = await StartWithClock(provider);
        await using var _ = app;
        var api = await app.SignInAsync("staff");
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
        }
    }
}
