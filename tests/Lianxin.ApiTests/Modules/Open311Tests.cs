using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Lianxin.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Modules;

/// <summary>Open311 GeoReport v2: field names and formats per the public JSON Schemas, keys, jurisdiction, both formats.</summary>
public sealed class Open311Tests : ApiTestBase
{
    /// <summary>
    /// GeoReport v2 responses as JSON Schema, written here from the specification (field names, required fields, types,
    /// the status enumeration, date-time formats): what any Open311 client relies on.
    /// </summary>
    private static readonly Json.Schema.JsonSchema RequestsSchema = Json.Schema.JsonSchema.FromText("""
        {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["service_request_id", "status", "service_code", "requested_datetime"],
            "properties": {
              "service_request_id": { "type": "string" },
              "status": { "enum": ["open", "closed"] },
              "status_notes": { "type": ["string", "null"] },
              "service_name": { "type": ["string", "null"] },
              "service_code": { "type": "string" },
              "description": { "type": ["string", "null"], "maxLength": 4000 },
              "agency_responsible": { "type": ["string", "null"] },
              "service_notice": { "type": ["string", "null"] },
              "requested_datetime": { "type": "string", "format": "date-time" },
              "updated_datetime": { "type": ["string", "null"], "format": "date-time" },
              "expected_datetime": { "type": ["string", "null"], "format": "date-time" },
              "address": { "type": ["string", "null"] },
              "address_id": { "type": ["string", "null"] },
              "zipcode": { "type": ["string", "null"] },
              "lat": { "type": ["number", "null"] },
              "long": { "type": ["number", "null"] },
              "media_url": { "type": ["string", "null"] }
            }
          }
        }
        """);

    private static readonly Json.Schema.JsonSchema ServicesSchema = Json.Schema.JsonSchema.FromText("""
        {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["service_code", "service_name", "metadata", "type"],
            "properties": {
              "service_code": { "type": "string" },
              "service_name": { "type": "string" },
              "description": { "type": ["string", "null"] },
              "metadata": { "type": "boolean" },
              "type": { "enum": ["realtime", "batch", "blackbox"] },
              "keywords": { "type": ["string", "null"] },
              "group": { "type": ["string", "null"] }
            }
          }
        }
        """);

    private static void Conforms(Json.Schema.JsonSchema schema, string json)
    {
        var result = schema.Evaluate(JsonDocument.Parse(json).RootElement,
            new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, "does not conform: " + JsonSerializer.Serialize(result));
    }

    private static readonly string[] RequestRequired = ["service_request_id", "status", "service_code", "requested_datetime"];
    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private static async Task<(Api Console, string Key, Guid Community)> Setup(TestApp app)
    {
        var staff = await app.SignInAsync("staff");
        var community = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync("/api/v1/grid/grids",
            new { orgId = community.Id, level = "First", name = "开放网格", code = "O-A", boundary = Seeded.Square(116.50, 35.70) })).StatusCode);
        var sys = await app.SignInAsync("orgadmin");
        // Keys are issued by an administrator holding settings:write (系统管理员); the organization administrator may not.
        Assert.Equal(HttpStatusCode.Forbidden, (await sys.PostAsync("/api/v1/grid/open311-clients", new { name = "x" })).StatusCode);
        var admin = await app.SignInAsync("sysadmin");
        var created = await Api.Read<JsonElement>(await admin.PostAsync("/api/v1/grid/open311-clients", new { name = "12345 热线", orgId = app.Seed.FirstStreetOrgId }));
        var key = created.GetProperty("apiKey").GetString()!;
        Assert.StartsWith(created.GetProperty("client").GetProperty("keyPrefix").GetString()!, key);
        return (staff, key, community.Id);
    }

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [Theory, MemberData(nameof(Providers))]
    public async Task A_client_posts_a_request_that_is_routed_like_any_event_and_reads_it_back_in_JSON_and_XML(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (console, key, community) = await Setup(app);
        var http = app.Factory.CreateClient();

        var servicesJson = await http.GetStringAsync("/open311/v2/services.json");
        Conforms(ServicesSchema, servicesJson);
        var services = JsonDocument.Parse(servicesJson).RootElement;
        var first = services.EnumerateArray().First();
        foreach (var field in new[] { "service_code", "service_name", "description", "metadata", "type", "keywords", "group" })
            Assert.True(first.TryGetProperty(field, out _), $"service lacks {field}");
        Assert.Equal(JsonValueKind.False, first.GetProperty("metadata").ValueKind);
        Assert.Equal("realtime", first.GetProperty("type").GetString());
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "HJWS-01");
        var xmlServices = XDocument.Parse(await http.GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal("services", xmlServices.Root!.Name.LocalName);
        Assert.NotEmpty(xmlServices.Root.Elements("service").Elements("service_code"));

        // Without a key: refused with the spec's error list; nothing written.
        var refused = await http.PostAsync("/open311/v2/requests.json", Form(("service_code", "HJWS-01"), ("lat", "35.702"), ("long", "116.502"), ("description", "垃圾")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var err = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(403, err.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(err.GetProperty("description").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/open311/v2/requests.json",
            Form(("api_key", key), ("service_code", "NOPE"), ("lat", "35.702"), ("long", "116.502"), ("description", "x")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/open311/v2/requests.json",
            Form(("api_key", key), ("service_code", "HJWS-01"), ("description", "no location")))).StatusCode);
        Assert.Equal(0, await app.Db(db => db.GridEvents.CountAsync()));

        var posted = await http.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "HJWS-01"), ("lat", "35.702"), ("long", "116.502"),
            ("address_string", "幸福里小区东门"), ("description", "东门垃圾堆放"), ("first_name", "先生"), ("last_name", "王"), ("phone", "13912345678")));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var answer = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0];
        var number = answer.GetProperty("service_request_id").GetString()!;
        var token = answer.GetProperty("token").GetString()!;

        // It is an ordinary event: routed to the grid, on the console's queue.
        var queue = await console.GetJsonAsync<JsonElement>($"/api/v1/grid/events?orgId={community}");
        var row = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal(number, row.GetProperty("number").GetString());
        Assert.Equal("开放网格", row.GetProperty("gridName").GetString());
        Assert.Equal("Open311", row.GetProperty("reporterKind").GetString());

        var body = await http.GetStringAsync($"/open311/v2/requests/{number}.json?api_key={key}");
        Conforms(RequestsSchema, body);
        // The schema check itself bites: a wrong status or a missing required field fails it.
        Assert.False(RequestsSchema.Evaluate(JsonDocument.Parse("""[{"service_request_id":"1","status":"pending","service_code":"a","requested_datetime":"2026-12-01T10:00:00+08:00"}]""").RootElement).IsValid);
        Assert.False(RequestsSchema.Evaluate(JsonDocument.Parse("""[{"service_request_id":"1","status":"open","service_code":"a"}]""").RootElement).IsValid);
        Assert.DoesNotContain("13912345678", body);
        Assert.DoesNotContain("139****5678", body);
        var req = JsonDocument.Parse(body).RootElement[0];
        foreach (var f in RequestRequired) Assert.NotEqual(JsonValueKind.Null, req.GetProperty(f).ValueKind);
        foreach (var f in RequestFields) Assert.True(req.TryGetProperty(f, out _), $"request lacks {f}");
        Assert.Equal(RequestFields.Length, req.EnumerateObject().Count());
        Assert.Equal("open", req.GetProperty("status").GetString());
        Assert.Equal("HJWS-01", req.GetProperty("service_code").GetString());
        Assert.Equal(35.702, req.GetProperty("lat").GetDouble());
        Assert.Equal(116.502, req.GetProperty("long").GetDouble());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", req.GetProperty("requested_datetime").GetString());
        Assert.True(DateTimeOffset.TryParse(req.GetProperty("requested_datetime").GetString(), out _));

        var xml = XDocument.Parse(await http.GetStringAsync($"/open311/v2/requests/{number}.xml?api_key={key}"));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var x = xml.Root.Element("request")!;
        Assert.Equal(number, x.Element("service_request_id")!.Value);
        Assert.Equal("open", x.Element("status")!.Value);
        Assert.Equal(RequestFields, x.Elements().Select(e => e.Name.LocalName));

        var tok = JsonDocument.Parse(await http.GetStringAsync($"/open311/v2/tokens/{token}.json?api_key={key}")).RootElement[0];
        Assert.Equal(number, tok.GetProperty("service_request_id").GetString());

        var list = JsonDocument.Parse(await http.GetStringAsync($"/open311/v2/requests.json?api_key={key}&status=open&service_code=HJWS")).RootElement;
        Assert.Equal(number, Assert.Single(list.EnumerateArray()).GetProperty("service_request_id").GetString());
        Assert.Empty(JsonDocument.Parse(await http.GetStringAsync($"/open311/v2/requests.json?api_key={key}&status=closed")).RootElement.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/open311/v2/requests.json?api_key={key}&status=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/open311/v2/requests.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/open311/v2/requests.yaml?api_key={key}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_key_reads_only_its_jurisdiction_and_a_revoked_key_stops_working(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, key, _) = await Setup(app);
        var admin = await app.SignInAsync("sysadmin");
        var other = await Api.Read<JsonElement>(await admin.PostAsync("/api/v1/grid/open311-clients", new { name = "中都热线", orgId = app.Seed.SecondStreetOrgId }));
        var otherKey = other.GetProperty("apiKey").GetString()!;
        var http = app.Factory.CreateClient();
        var posted = JsonDocument.Parse(await (await http.PostAsync("/open311/v2/requests.json",
            Form(("api_key", key), ("service_code", "HJWS-01"), ("lat", "35.702"), ("long", "116.502"), ("description", "x")))).Content.ReadAsStringAsync()).RootElement[0];
        var number = posted.GetProperty("service_request_id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/open311/v2/requests/{number}.json?api_key={otherKey}")).StatusCode);
        Assert.Empty(JsonDocument.Parse(await http.GetStringAsync($"/open311/v2/requests.json?api_key={otherKey}")).RootElement.EnumerateArray());
        // A point inside a grid of another street, posted with this key, stays in this key's jurisdiction (flagged for a clerk).
        var staff2 = await app.SignInAsync("staff2");
        var far = await Seeded.BranchUnder(app, app.Seed.SecondStreetOrgId);
        Assert.Equal(HttpStatusCode.Created, (await staff2.PostAsync("/api/v1/grid/grids",
            new { orgId = far.Id, level = "First", name = "中都网格", code = "O-Z", boundary = Seeded.Square(116.70, 35.70) })).StatusCode);
        var cross = JsonDocument.Parse(await (await http.PostAsync("/open311/v2/requests.json",
            Form(("api_key", key), ("service_code", "HJWS-01"), ("lat", "35.702"), ("long", "116.702"), ("description", "x")))).Content.ReadAsStringAsync()).RootElement[0];
        var crossNumber = cross.GetProperty("service_request_id").GetString();
        Assert.True(await app.Db(db => db.GridEvents.AnyAsync(e => e.Number == crossNumber && e.OrgId == app.Seed.FirstStreetOrgId && e.OutsideGrid)));

        var clientId = (await admin.GetJsonAsync<JsonElement>("/api/v1/grid/open311-clients")).EnumerateArray()
            .First(c => c.GetProperty("name").GetString() == "12345 热线").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/grid/open311-clients/{clientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/open311/v2/requests/{number}.json?api_key={key}")).StatusCode);
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Open311 接入方")));
        Assert.False(await app.Db(db => db.AuditEntries.AnyAsync(a => a.After != null && a.After.Contains(key))));
    }
}
