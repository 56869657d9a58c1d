using System.Net;
using System.Text;
using Lianxin.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Platform;

public sealed class ErrorTests : ApiTestBase
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Malformed_json_is_a_Chinese_problem_and_writes_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        await api.RefreshAntiforgeryAsync();
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/members") { Content = new StringContent("{\"name\": \"张三\", ", Encoding.UTF8, "application/json") };
        req.Headers.Add("X-XSRF-TOKEN", await api.RefreshAntiforgeryAsync());
        var problem = await Api.Problem(await api.Http.SendAsync(req), HttpStatusCode.BadRequest);
        Assert.Equal("请求体不是有效的 JSON", problem.GetProperty("title").GetString());
        Assert.Equal(120, await app.Db(db => db.Members.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_unknown_enum_value_names_the_field(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var body = new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id).With("category", "Astronaut").Build();
        var problem = await Api.Problem(await api.PostAsync("/api/v1/members", body), HttpStatusCode.BadRequest);
        Assert.Equal(["格式或取值不正确"], Api.FieldErrors(problem, "category"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_oversized_body_is_refused_with_413(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var huge = new string('x', 2 * 1024 * 1024);
        var problem = await Api.Problem(await api.PostAsync("/api/v1/members", new { name = huge }), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("请求体过大", problem.GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_api_paths_are_404_problems_not_the_console_page(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var problem = await Api.Problem(await api.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_failing_write_rolls_back_everything_it_did(Provider provider)
    {
        // The member's person row is written before the member row; a failure of the second (here: the audit
        // log refusing inserts) must leave neither behind.
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        await app.Db(db => db.Database.ExecuteSqlRawAsync(provider == Provider.Sqlite
            ? "CREATE TRIGGER t_fail BEFORE INSERT ON sys_audit_entries WHEN NEW.\"Action\" = 'create' BEGIN SELECT RAISE(ABORT, 'boom'); END"
            : "CREATE FUNCTION t_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.\"Action\" = 'create' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$; CREATE TRIGGER t_fail BEFORE INSERT ON sys_audit_entries FOR EACH ROW EXECUTE FUNCTION t_fail();"));
        var resp = await api.PostAsync("/api/v1/members", new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id).Build());
        Assert.True((int)resp.StatusCode >= 400);
        Assert.Equal(120, await app.Db(db => db.Members.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(160, await app.Db(db => db.People.IgnoreQueryFilters().CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Absurd_page_numbers_answer_an_empty_page_not_an_error(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var page = await api.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/members?page=2147483647&pageSize=100");
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(120, page.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Resident_tags_are_not_shown_to_roles_without_access_to_residents(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("auditor")).GetAsync("/api/v1/tags")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync("staff")).GetAsync("/api/v1/tags")).StatusCode);
    }
}
