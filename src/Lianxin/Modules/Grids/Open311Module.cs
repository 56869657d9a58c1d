using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Grids.Features;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Platform.Access;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Grids;

/// <summary>
/// Open311 GeoReport v2 over the same events: services are the event categories (service_code = category code),
/// requests are events (service_request_id = event number). Every endpoint answers JSON or XML by its extension
/// (.json / .xml). A client's api_key (issued in the console, kept only as a keyed hash) binds it to one
/// organization's subtree, its jurisdiction: it posts there and reads there. Reporter names and phone numbers are
/// never returned. Errors are the spec's list of {code, description}.
/// </summary>
public static class Open311Module
{
    private const string Base = "/open311/v2";
    private const int MaxRequests = 1000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Base).WithTags("Open311 GeoReport v2").DisableAntiforgery();
        g.MapGet("/services.{format}", Services);
        g.MapGet("/services/{code}.{format}", ServiceDefinition);
        g.MapGet("/requests.{format}", Requests);
        g.MapPost("/requests.{format}", Post).WithBodyLimit(64 * 1024);
        g.MapGet("/requests/{id}.{format}", Request);
        g.MapGet("/tokens/{token}.{format}", Token);
        g.MapGet("/discovery.{format}", Discovery);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------------

    private sealed record Reply(int Status, string Root, string Item, List<Dictionary<string, object?>> Items);

    private static IResult Render(string format, Reply r)
    {
        if (format == "xml")
        {
            var root = new XElement(r.Root, r.Items.Select(i => new XElement(r.Item, i.Select(kv => Xml(kv.Key, kv.Value)))));
            var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
            var body = xml.Declaration + "\n" + xml.Root!.ToString(SaveOptions.DisableFormatting);
            return Results.Content(body, "text/xml; charset=utf-8", Encoding.UTF8, r.Status);
        }
        var array = new JsonArray([.. r.Items.Select(i => (JsonNode)new JsonObject(i.Select(kv => KeyValuePair.Create(kv.Key, Json(kv.Value)))))]);
        return Results.Content(array.ToJsonString(), "application/json; charset=utf-8", Encoding.UTF8, r.Status);
    }

    private static XElement Xml(string key, object? value) => value switch
    {
        null => new XElement(key),
        bool b => new XElement(key, b ? "true" : "false"),
        IEnumerable<string> list => new XElement(key, list.Select(s => new XElement("value", s))),
        double d => new XElement(key, d.ToString("R", CultureInfo.InvariantCulture)),
        _ => new XElement(key, Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static JsonNode? Json(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        double d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        IEnumerable<string> list => new JsonArray([.. list.Select(s => (JsonNode?)JsonValue.Create(s))]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static IResult Error(string format, int status, string description) =>
        Render(format, new Reply(status, "errors", "error", [new() { ["code"] = status, ["description"] = description }]));

    private static string? BadFormat(string format) => format is "json" or "xml" ? null : "format";

    /// <summary>ISO 8601 in China time, as Open311 clients expect (e.g. 2026-12-01T14:30:00+08:00).</summary>
    private static string? Time(DateTime? utc) =>
        utc is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture) : null;

    private static DateTime? ParseTime(string? s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.UtcDateTime : null;

    /// <summary>The client of an api_key, with the scope narrowed to its jurisdiction; null when the key is missing or unknown.</summary>
    private static async Task<Open311Client?> Client(string? apiKey, AppDbContext db, OrgScope scope, PersonalDataProtector protector, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > 100) return null;
        var hash = protector.BlindIndex(apiKey.Trim());
        var client = await db.Open311Clients.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().FirstOrDefaultAsync(c => c.KeyHash == hash && c.IsActive, ct);
        if (client is not null) scope.RestrictTo(client.OrgId, client.OrgPath);
        return client;
    }

    private static string? Query(HttpContext http, string name) => http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    // ---- services ------------------------------------------------------------------------------------------------------

    private static async Task<IResult> Services(string format, AppDbContext db, CancellationToken ct)
    {
        if (BadFormat(format) is not null) return Error("json", 404, "format must be json or xml");
        var all = await db.EventCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var roots = all.Where(c => c.ParentId is null).ToDictionary(c => c.Id, c => c.Name);
        var items = all.Where(c => c.ParentId is not null || !all.Any(x => x.ParentId == c.Id)).Select(c => new Dictionary<string, object?>
        {
            ["service_code"] = c.Code, ["service_name"] = c.Name, ["description"] = c.Description ?? $"办理时限 {c.TimeLimitHours} 小时",
            ["metadata"] = false, ["type"] = "realtime", ["keywords"] = c.Name,
            ["group"] = c.ParentId is { } p ? roots.GetValueOrDefault(p) : c.Name,
        }).ToList();
        return Render(format, new Reply(200, "services", "service", items));
    }

    private static async Task<IResult> ServiceDefinition(string code, string format, AppDbContext db, CancellationToken ct)
    {
        if (BadFormat(format) is not null) return Error("json", 404, "format must be json or xml");
        var exists = await db.EventCategories.AnyAsync(c => c.Code == code && c.IsActive, ct);
        if (!exists) return Error(format, 404, "service_code not found");
        // No service has extra attributes (metadata is false): the definition is empty.
        var def = new Dictionary<string, object?> { ["service_code"] = code };
        if (format == "xml")
            return Results.Content(new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XElement("service_definition", new XElement("service_code", code), new XElement("attributes"))).ToString(), "text/xml; charset=utf-8");
        return Results.Content(new JsonObject { ["service_code"] = code, ["attributes"] = new JsonArray() }.ToJsonString(), "application/json; charset=utf-8");
    }

    private static IResult Discovery(string format, HttpContext http)
    {
        if (BadFormat(format) is not null) return Error("json", 404, "format must be json or xml");
        var url = $"{http.Request.Scheme}://{http.Request.Host}{Base}/";
        if (format == "xml")
            return Results.Content(new XElement("discovery", new XElement("changeset", "2026-12-01T00:00:00+08:00"), new XElement("contact", "连心平台管理员"),
                new XElement("endpoints", new XElement("endpoint", new XElement("specification", "http://wiki.open311.org/GeoReport_v2"),
                    new XElement("url", url), new XElement("type", "production"),
                    new XElement("formats", new XElement("format", "application/json"), new XElement("format", "text/xml"))))).ToString(), "text/xml; charset=utf-8");
        return Results.Content(new JsonObject
        {
            ["changeset"] = "2026-12-01T00:00:00+08:00", ["contact"] = "连心平台管理员",
            ["endpoints"] = new JsonArray(new JsonObject
            {
                ["specification"] = "http://wiki.open311.org/GeoReport_v2", ["url"] = url, ["type"] = "production",
                ["formats"] = new JsonArray("application/json", "text/xml"),
            }),
        }.ToJsonString(), "application/json; charset=utf-8");
    }

    // ---- requests ------------------------------------------------------------------------------------------------------

    private static Dictionary<string, object?> ToRequest(GridEvent e, string serviceCode, int timeLimitHours)
    {
        var closed = !EventWorkflow.Open.Contains(e.Status);
        return new()
        {
            ["service_request_id"] = e.Number,
            ["status"] = closed ? "closed" : "open",
            ["status_notes"] = e.StatusNote ?? EventLabels.Of(e.Status),
            ["service_name"] = e.CategoryName,
            ["service_code"] = serviceCode,
            ["description"] = e.Description,
            ["agency_responsible"] = e.HandlingUnitName,
            ["service_notice"] = $"办理时限 {timeLimitHours} 小时",
            ["requested_datetime"] = Time(e.ReportedAt),
            ["updated_datetime"] = Time(e.ClosedAt ?? e.UpdatedAt),
            ["expected_datetime"] = Time(e.Deadline),
            ["address"] = e.Address,
            ["address_id"] = null,
            ["zipcode"] = null,
            ["lat"] = e.Lat,
            ["long"] = e.Lon,
            ["media_url"] = null,
        };
    }

    private static async Task<IResult> RenderRequests(string format, List<GridEvent> events, AppDbContext db, CancellationToken ct)
    {
        var ids = events.Select(e => e.CategoryId).Distinct().ToList();
        var cats = await db.EventCategories.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return Render(format, new Reply(200, "service_requests", "request",
            [.. events.Select(e => ToRequest(e, cats.GetValueOrDefault(e.CategoryId)?.Code ?? "", cats.GetValueOrDefault(e.CategoryId)?.TimeLimitHours ?? 0))]));
    }

    private static async Task<IResult> Requests(string format, HttpContext http, AppDbContext db, OrgScope scope, PersonalDataProtector protector, CancellationToken ct)
    {
        if (BadFormat(format) is not null) return Error("json", 404, "format must be json or xml");
        if (await Client(Query(http, "api_key"), db, scope, protector, ct) is null) return Error(format, 403, "api_key is missing or invalid");
        var rows = db.GridEvents.AsNoTracking().Where(e => e.Status != EventStatus.Merged);
        if (Query(http, "service_request_id") is { Length: > 0 } idList)
        {
            var numbers = idList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxRequests).ToList();
            rows = rows.Where(e => numbers.Contains(e.Number));
        }
        else
        {
            var end = Query(http, "end_date") is { } es ? ParseTime(es) : db.Now;
            var start = Query(http, "start_date") is { } ss ? ParseTime(ss) : end?.AddDays(-90);
            if (start is null || end is null) return Error(format, 400, "start_date and end_date must be w3 date-times");
            if (start > end) return Error(format, 400, "start_date is after end_date");
            rows = rows.Where(e => e.ReportedAt >= start && e.ReportedAt <= end);
            if (Query(http, "service_code") is { Length: > 0 } codes)
            {
                var list = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                var catIds = await db.EventCategories.Where(c => list.Contains(c.Code)).Select(c => c.Id).ToListAsync(ct);
                rows = rows.Where(e => catIds.Contains(e.CategoryId) || catIds.Contains(e.CategoryRootId));
            }
            switch (Query(http, "status"))
            {
                case null or "": break;
                case "open": rows = rows.Where(e => EventWorkflow.Open.Contains(e.Status)); break;
                case "closed": rows = rows.Where(e => !EventWorkflow.Open.Contains(e.Status)); break;
                default: return Error(format, 400, "status must be open or closed");
            }
        }
        var events = await rows.OrderByDescending(e => e.ReportedAt).Take(MaxRequests).ToListAsync(ct);
        return await RenderRequests(format, events, db, ct);
    }

    private static async Task<IResult> Request(string id, string format, HttpContext http, AppDbContext db, OrgScope scope, PersonalDataProtector protector, CancellationToken ct)
    {
        if (BadFormat(format) is not null) return Error("json", 404, "format must be json or xml");
        if (await Client(Query(http, "api_key"), db, scope, protector, ct) is null) return Error(format, 403, "api_key is missing or invalid");
        var e = await db.GridEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Number == id, ct);
        return e is null ? Error(format, 404, "service_request_id not found") : await RenderRequests(format, [e], db, ct);
    }

    private static async Task<IResult> Token(string token, string format, HttpContext http, AppDbContext db, OrgScope scope, PersonalDataProtector protector, CancellationToken ct)
    {
        if (BadFormat(format) is not null) return Error("json", 404, "format must be json or xml");
        if (await Client(Query(http, "api_key"), db, scope, protector, ct) is null) return Error(format, 403, "api_key is missing or invalid");
        var number = Guid.TryParse(token, out var gid) ? await db.GridEvents.AsNoTracking().Where(e => e.Id == gid).Select(e => e.Number).FirstOrDefaultAsync(ct) : null;
        if (number is null) return Error(format, 404, "token not found");
        return Render(format, new Reply(200, "service_requests", "request", [new() { ["service_request_id"] = number, ["token"] = token }]));
    }

    /// <summary>POST requests: form fields per the spec (api_key, service_code, lat/long or address_string, description …).</summary>
    private static async Task<IResult> Post(string format, HttpContext http, AppDbContext db, OrgScope scope, PersonalDataProtector protector, GridIndex index,
        CancellationToken ct)
    {
        if (BadFormat(format) is not null) return Error("json", 404, "format must be json or xml");
        if (!http.Request.HasFormContentType) return Error(format, 400, "send the fields as application/x-www-form-urlencoded or multipart/form-data");
        var form = await http.Request.ReadFormAsync(ct);
        string? F(string k) => form.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        var client = await Client(F("api_key") ?? Query(http, "api_key"), db, scope, protector, ct);
        if (client is null) return Error(format, 403, "api_key is missing or invalid");
        var code = F("service_code");
        if (code is null) return Error(format, 400, "service_code is required");
        var category = await db.EventCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.IsActive, ct);
        if (category is null) return Error(format, 404, "service_code not found");
        double? lat = null, lon = null;
        if (F("lat") is { } la || F("long") is not null)
        {
            if (!double.TryParse(F("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                || !double.TryParse(F("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                return Error(format, 400, "lat and long must both be decimal degrees");
            if (x is < 73 or > 136 || y is < 3 or > 54) return Error(format, 400, "lat/long is outside the service area");
            (lat, lon) = (y, x);
        }
        var address = F("address_string");
        if (lat is null && address is null) return Error(format, 400, "a location is required: lat and long, or address_string");
        if (address?.Length > 200) return Error(format, 400, "address_string is longer than 200 characters");
        var description = F("description");
        if (description is null) return Error(format, 400, "description is required");
        if (description.Length > 4000) return Error(format, 400, "description is longer than 4000 characters");
        var phone = F("phone");
        if (phone is not null && !MobileNumber.IsValid(phone)) return Error(format, 400, "phone must be an 11-digit mainland mobile number");
        var name = $"{F("last_name")}{F("first_name")}";
        if (name.Length > 50) name = name[..50];

        var settings = await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct);
        var place = lat is { } py && lon is { } px ? await index.Route(db, px, py, settings.NearestGridMetres, ct) : null;
        // A point routed outside the client's jurisdiction, or no point: the jurisdiction's own queue, flagged for a clerk.
        if (place is null || !scope.Contains(place.OrgPath)) place = new Placement(client.OrgId, client.OrgPath, null, null, true);
        var rootId = await EventFeatures.RootOf(db, category, ct);
        var e = GridEvent.Report(await EventFeatures.NewNumber(db, ct), category, rootId, EventNetwork.Comprehensive, description, lon, lat, address,
            (place.OrgId, place.OrgPath, place.GridId, place.GridName, place.Outside), ReporterKind.Open311, name.Length > 0 ? name : client.Name,
            phone is not null ? (protector.Encrypt(phone), protector.BlindIndex(phone), Platform.Privacy.Mask.Phone(phone)) : null, null, db.Now);
        db.GridEvents.Add(e);
        db.EventSteps.Add(EventStep.Of(e, "report", null, $"{client.Name}（Open311）", null, db.Now, null,
            place.GridName is { } gn ? $"自动分派至网格：{gn}" : "不在任何网格内，已进入待处理队列"));
        await db.SaveChangesAsync(ct);
        return Render(format, new Reply(200, "service_requests", "request",
            [new() { ["service_request_id"] = e.Number, ["token"] = e.Id.ToString(), ["service_notice"] = $"办理时限 {category.TimeLimitHours} 小时", ["account_id"] = null }]));
    }

    // ---- clients (console) -----------------------------------------------------------------------------------------------

    public sealed record ClientRow(Guid Id, string Name, string KeyPrefix, Guid OrgId, string OrgName, bool IsActive, DateTime CreatedAt, DateTime? RevokedAt);
    public sealed record ClientInput(string? Name, Guid? OrgId);
    public sealed record ClientCreated(ClientRow Client, string ApiKey);

    public static async Task<Ok<List<ClientRow>>> Clients(AppDbContext db, CancellationToken ct)
    {
        var list = await db.Open311Clients.AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        var names = await Members.Features.MemberReads.OrgNames(db, list.Select(c => c.OrgId), ct);
        return TypedResults.Ok(list.Select(c => new ClientRow(c.Id, c.Name, c.KeyPrefix, c.OrgId, names.GetValueOrDefault(c.OrgId, ""), c.IsActive, c.CreatedAt, c.RevokedAt)).ToList());
    }

    /// <summary>Issues a key. It is shown once, in this response; only its keyed hash is stored.</summary>
    public static async Task<Results<Created<ClientCreated>, ValidationProblem>> CreateClient(ClientInput r, AppDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > 100) return Problems.Validation("name", "请填写接入方名称（最多100个字）");
        var orgId = r.OrgId ?? db.Scope.RootOrgId;
        var path = orgId is { } o ? await OrgReads.VisiblePath(db, o, ct) : null;
        if (path is null) return Problems.Validation("orgId", "请选择接入方的管辖党组织");
        var key = "lx311_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var c = Open311Client.Create(name, protector.BlindIndex(key), key[..10], orgId!.Value, path, db.Now);
        db.Open311Clients.Add(c);
        await db.SaveChangesAsync(ct);
        var names = await Members.Features.MemberReads.OrgNames(db, [c.OrgId], ct);
        return TypedResults.Created($"/api/v1/grid/open311-clients/{c.Id}",
            new ClientCreated(new ClientRow(c.Id, c.Name, c.KeyPrefix, c.OrgId, names.GetValueOrDefault(c.OrgId, ""), true, c.CreatedAt, null), key));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeClient(Guid id, AppDbContext db, CancellationToken ct)
    {
        var c = await db.Open311Clients.FirstOrDefaultAsync(x => x.Id == id && x.IsActive, ct);
        if (c is null) return TypedResults.NotFound();
        c.Revoke(db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
