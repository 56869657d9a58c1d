using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.Members.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Modules;

public sealed class MemberTests : ApiTestBase
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_created_member_is_found_in_the_subtree_list_with_masked_numbers(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var input = new MemberBuilder(branch.Id);
        var resp = await api.PostAsync("/api/v1/members", input.Build());
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        var created = await Api.Read<JsonElement>(resp);
        Assert.Equal(input.IdNumber[..6] + "********" + input.IdNumber[^4..], created.GetProperty("idNumberMasked").GetString());
        Assert.Equal(input.Phone[..3] + "****" + input.Phone[^4..], created.GetProperty("phoneMasked").GetString());
        Assert.DoesNotContain(input.IdNumber, await resp.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var list = await api.GetJsonAsync<JsonElement>($"/api/v1/members?orgId={app.Seed.FirstStreetOrgId}&name={Uri.EscapeDataString(input.Name)}");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(created.GetProperty("id").GetGuid(), row.GetProperty("id").GetGuid());
        Assert.Equal(branch.Name, row.GetProperty("orgName").GetString());
        Assert.Equal(["退役军人"], row.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Personal_numbers_are_encrypted_at_rest_with_a_blind_index(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var input = new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id);
        var id = (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/members", input.Build()))).GetProperty("personId").GetGuid();
        var stored = await app.Db(db => db.People.AsNoTracking().FirstAsync(p => p.Id == id));
        Assert.StartsWith("aesgcm:k1:", stored.IdNumberCipher, StringComparison.Ordinal);
        Assert.DoesNotContain(input.IdNumber[6..14], stored.IdNumberCipher, StringComparison.Ordinal);
        Assert.DoesNotContain(input.Phone, stored.PhoneCipher!, StringComparison.Ordinal);
        Assert.Equal(32, stored.IdNumberHash.Length);
        // No column of the row, read raw, holds either plaintext.
        var raw = await app.Db(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT * FROM mem_people";
            await using var reader = await cmd.ExecuteReaderAsync();
            var all = new System.Text.StringBuilder();
            while (await reader.ReadAsync()) for (var i = 0; i < reader.FieldCount; i++) all.Append(reader.GetValue(i)).Append('|');
            return all.ToString();
        });
        Assert.DoesNotContain(input.IdNumber, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(input.Phone, raw, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_input_gets_Chinese_field_messages_and_writes_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var good = new MemberBuilder(branch.Id);
        var badCheckDigit = good.IdNumber[..17] + (good.IdNumber[17] == '0' ? '1' : '0');
        var body = good.With("idNumber", badCheckDigit).With("phone", "12345").With("name", "")
            .With("joinedOn", "2030-01-01").Build();
        var problem = await Api.Problem(await api.PostAsync("/api/v1/members", body), HttpStatusCode.BadRequest);
        Assert.Equal("提交的数据有误", problem.GetProperty("title").GetString());
        Assert.Equal(["身份证号校验位不正确，请核对"], Api.FieldErrors(problem, "idNumber"));
        Assert.Equal(["手机号应为11位中国大陆手机号码"], Api.FieldErrors(problem, "phone"));
        Assert.Equal(["请填写姓名"], Api.FieldErrors(problem, "name"));
        Assert.Contains("入党日期不能晚于今天", Api.FieldErrors(problem, "joinedOn"));
        Assert.Equal(120, await app.Db(db => db.Members.CountAsync()));
        Assert.Equal(160, await app.Db(db => db.People.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Birth_date_and_gender_must_agree_with_the_ID_number(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var b = new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id);
        var problem = await Api.Problem(await api.PostAsync("/api/v1/members", b.With("birthDate", "1970-01-01").With("gender", "Female").Build()), HttpStatusCode.BadRequest);
        Assert.Equal(["出生日期与身份证号不一致"], Api.FieldErrors(problem, "birthDate"));
        Assert.Equal(["性别与身份证号不一致"], Api.FieldErrors(problem, "gender"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Joining_before_eighteen_and_full_membership_within_a_year_are_refused(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var birth = new DateOnly(2000, 5, 20);
        var b = new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id)
            .WithIdNumber(ChineseIdNumber.Compose("370830", birth, 11, Gender.Male), birth, "Male")
            .With("joinedOn", "2018-05-19").With("fullMemberOn", "2018-12-01");
        var problem = await Api.Problem(await api.PostAsync("/api/v1/members", b.Build()), HttpStatusCode.BadRequest);
        Assert.Equal(["入党时应年满18周岁"], Api.FieldErrors(problem, "joinedOn"));
        Assert.Equal(["转正日期应在入党满一年之后（预备期为一年）"], Api.FieldErrors(problem, "fullMemberOn"));
        // On the 18th birthday it is allowed.
        var ok = await api.PostAsync("/api/v1/members", b.With("joinedOn", "2018-05-20").With("fullMemberOn", "2019-05-20").Build());
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_duplicate_ID_number_is_refused_with_a_clear_message(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.SignInAsync("staff");
        var b = new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync("/api/v1/members", b.Build())).StatusCode);
        var again = await Api.Problem(await staff.PostAsync("/api/v1/members", b.With("name", "另一人").Build()), HttpStatusCode.Conflict);
        Assert.Equal("该身份证号已登记为党员，请在党员列表中查找，勿重复录入。", again.GetProperty("detail").GetString());
        // From a sibling street the clerk learns that it exists, not where.
        var staff2 = await app.SignInAsync("staff2");
        var elsewhere = await Api.Problem(await staff2.PostAsync("/api/v1/members",
            b.With("orgId", (await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId)).Id).Build()), HttpStatusCode.Conflict);
        Assert.Equal("该身份证号已在其他组织登记为党员。如需转入，请办理组织关系转接。", elsewhere.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Revealing_a_number_needs_the_permission_and_is_audited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignInAsync("orgadmin");
        var b = new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id);
        var id = (await Api.Read<JsonElement>(await admin.PostAsync("/api/v1/members", b.Build()))).GetProperty("id").GetGuid();
        var shown = await Api.Read<JsonElement>(await admin.PostAsync($"/api/v1/members/{id}/reveal", new { field = "idNumber" }));
        Assert.Equal(b.IdNumber, shown.GetProperty("value").GetString());
        var entry = await app.Db(db => db.AuditEntries.SingleAsync(a => a.Action == "reveal"));
        Assert.Equal("orgadmin", entry.UserName);
        Assert.Equal(id.ToString(), entry.EntityId);
        Assert.DoesNotContain(b.IdNumber, entry.Summary, StringComparison.Ordinal);

        var staff = await app.SignInAsync("staff");
        await Api.Problem(await staff.PostAsync($"/api/v1/members/{id}/reveal", new { field = "idNumber" }), HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Editing_keeps_masked_numbers_unless_retyped_and_audits_the_change(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var b = new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id);
        var created = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/members", b.Build()));
        var id = created.GetProperty("id").GetGuid();
        var phone = b.Phone;
        var edit = b.With("idNumber", null).With("phone", null).With("address", "汶上县南站镇幸福里3号").With("tags", new[] { "党员中心户" }).Build();
        var updated = await Api.Read<JsonElement>(await api.PutAsync($"/api/v1/members/{id}", edit));
        Assert.Equal(created.GetProperty("idNumberMasked").GetString(), updated.GetProperty("idNumberMasked").GetString());
        Assert.Equal("汶上县南站镇幸福里3号", updated.GetProperty("address").GetString());
        Assert.Equal(["党员中心户"], updated.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var shown = await Api.Read<JsonElement>(await api.PostAsync($"/api/v1/members/{id}/reveal", new { field = "phone" }));
        Assert.Equal(phone, shown.GetProperty("value").GetString());
        var audit = await app.Db(db => db.AuditEntries.Where(a => a.Action == "update" && a.EntityType == "居民" && a.Summary.StartsWith("修改居民")).OrderBy(a => a.Seq).LastAsync());
        Assert.Contains("幸福里3号", audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain("Cipher", audit.After, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deleting_is_soft_and_audited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var id = await Seeded.AnyMemberUnder(app, app.Seed.FirstStreetOrgId);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/members/{id}?reason={Uri.EscapeDataString("录入错误")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/members/{id}")).StatusCode);
        var row = await app.Db(db => db.Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == id));
        Assert.True(row.IsDeleted);
        Assert.Equal("录入错误", row.DeleteReason);
        Assert.Equal(1, await app.Db(db => db.AuditEntries.CountAsync(a => a.Action == "delete" && a.EntityId == id.ToString())));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_list_filters_by_category_status_and_tag_sorts_and_pages(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var expected = await app.Db(async db => (
            Retired: await db.Members.CountAsync(m => m.Category == MemberCategory.RetiredCadre),
            Probationary: await db.Members.CountAsync(m => m.Status == MemberStatus.Probationary),
            Veterans: await db.Members.CountAsync(m => db.PersonTags.Any(t => t.PersonId == m.PersonId && t.Tag == "退役军人"))));
        Assert.Equal(expected.Retired, (await api.GetJsonAsync<JsonElement>("/api/v1/members?category=RetiredCadre")).GetProperty("total").GetInt32());
        Assert.Equal(expected.Probationary, (await api.GetJsonAsync<JsonElement>("/api/v1/members?status=Probationary")).GetProperty("total").GetInt32());
        Assert.Equal(expected.Veterans, (await api.GetJsonAsync<JsonElement>("/api/v1/members?tag=" + Uri.EscapeDataString("退役军人"))).GetProperty("total").GetInt32());

        var page1 = await api.GetJsonAsync<JsonElement>("/api/v1/members?sort=-joinedOn&page=1&pageSize=50");
        var page3 = await api.GetJsonAsync<JsonElement>("/api/v1/members?sort=-joinedOn&page=3&pageSize=50");
        Assert.Equal(120, page1.GetProperty("total").GetInt32());
        Assert.Equal(50, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(20, page3.GetProperty("items").GetArrayLength());
        var dates = page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("joinedOn").GetString()!).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        Assert.Equal(100, (await api.GetJsonAsync<JsonElement>("/api/v1/members?pageSize=1000")).GetProperty("pageSize").GetInt32());
        var bad = await Api.Problem(await api.GetAsync("/api/v1/members?sort=salary"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(bad, "sort"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Members_cannot_be_placed_directly_in_a_committee(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("staff");
        var problem = await Api.Problem(await api.PostAsync("/api/v1/members", new MemberBuilder(app.Seed.FirstStreetOrgId).Build()), HttpStatusCode.BadRequest);
        Assert.Contains("不能直接编入党工委", Api.FieldErrors(problem, "orgId")[0], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Names_are_listed_in_pinyin_order_within_an_organization(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await app.SignInAsync("orgadmin");
        var branch = await Api.Read<JsonElement>(await api.PostAsync("/api/v1/orgs",
            new { parentId = (await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id, name = "拼音测试党小组", kind = "Group" }));
        var orgId = branch.GetProperty("id").GetGuid();
        foreach (var name in new[] { "张三", "阿明", "吴德", "董信", "欧阳修" })
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/members", new MemberBuilder(orgId).With("name", name).Build())).StatusCode);
        var names = (await api.GetJsonAsync<JsonElement>($"/api/v1/members?orgId={orgId}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(["阿明", "董信", "欧阳修", "吴德", "张三"], names);
        var reversed = (await api.GetJsonAsync<JsonElement>($"/api/v1/members?orgId={orgId}&sort=-name")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(["张三", "吴德", "欧阳修", "董信", "阿明"], reversed);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_stale_edit_is_refused_instead_of_overwriting_a_colleagues_save(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var first = await app.SignInAsync("orgadmin");
        var second = await app.SignInAsync("staff");
        var b = new MemberBuilder((await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId)).Id);
        var created = await Api.Read<JsonElement>(await first.PostAsync("/api/v1/members", b.Build()));
        var id = created.GetProperty("id").GetGuid();
        var loaded = created.GetProperty("version").GetGuid();
        var edit = b.With("idNumber", null).With("phone", null);

        // Both clerks opened the same version; the first saves an address, the second (stale) saves another.
        var saved = await Api.Read<JsonElement>(await first.PutAsync($"/api/v1/members/{id}", edit.With("address", "甲的修改").With("version", loaded).Build()));
        Assert.NotEqual(loaded, saved.GetProperty("version").GetGuid());
        var stale = await Api.Problem(await second.PutAsync($"/api/v1/members/{id}", edit.With("address", "乙的修改").With("version", loaded).Build()), HttpStatusCode.Conflict);
        Assert.Contains("刷新", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("甲的修改", (await first.GetJsonAsync<JsonElement>($"/api/v1/members/{id}")).GetProperty("address").GetString());
        // With the current version the second clerk's save goes through.
        var current = saved.GetProperty("version").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await second.PutAsync($"/api/v1/members/{id}", edit.With("address", "乙的修改").With("version", current).Build())).StatusCode);
    }
}
