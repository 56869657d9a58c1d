using System.Security.Claims;
using System.Security.Cryptography;
using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Members.Domain;
using Lianxin.Platform.Files;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Lianxin.Platform.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Grids.Features;

/// <summary>Sends a resident's sign-in code. A real SMS gateway goes behind this; <see cref="LoggingSmsCodeSender"/> is the stand-in.</summary>
public interface ISmsCodeSender
{
    Task SendAsync(string phone, string code, CancellationToken ct);
}

/// <summary>
/// Logs that a code was sent, to the masked number, without the code (a code in a log is a key to the account).
/// In the demo (Lianxin:Sms:EchoCodes = true, set by `serve --demo`) the code comes back in the response instead.
/// </summary>
public sealed class LoggingSmsCodeSender(ILogger<LoggingSmsCodeSender> log) : ISmsCodeSender
{
    public Task SendAsync(string phone, string code, CancellationToken ct)
    {
        log.LogInformation("Sign-in code sent by SMS to {Phone}", Mask.Phone(phone));
        return Task.CompletedTask;
    }
}

/// <summary>
/// 居民随手拍: residents sign in with their phone and an SMS code (their own cookie, not a platform account: they hold
/// no role and no organization scope), report events with their location and photos, follow the events reported
/// with their number (by the phone pages or the hotline), and rate closed ones. They see nothing else.
/// </summary>
public static class ResidentFeatures
{
    public const string Scheme = "Lianxin.Resident";
    public const string Policy = "resident";
    private const string PhoneClaim = "lx:phone";
    private const string PhoneHashClaim = "lx:phone-hash";

    public sealed record CodeRequest(string? Phone);
    public sealed record CodeSent(string SentTo, int ValidMinutes, string? DemoCode);
    public sealed record LoginRequest(string? Phone, string? Code);
    public sealed record ResidentMe(string PhoneMasked);
    public sealed record ResidentEventInput(Guid? CategoryId, string? Description, double? Lon, double? Lat, string? Address, string? Name);
    public sealed record RateInput(int? Rating, string? Note);

    public static void AddResidentAuth(this IServiceCollection services)
    {
        services.AddSingleton<ISmsCodeSender, LoggingSmsCodeSender>();
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "lianxin.resident";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = 403; return Task.CompletedTask; };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(PhoneHashClaim));
    }

    private static string NormalizePhone(string? phone) => (phone ?? "").Trim();

    public static async Task<Results<Ok<CodeSent>, ValidationProblem>> SendCode(CodeRequest r, AppDbContext db, PersonalDataProtector protector,
        ISmsCodeSender sms, IConfiguration config, CancellationToken ct)
    {
        var phone = NormalizePhone(r.Phone);
        if (!MobileNumber.IsValid(phone)) return Problems.Validation("phone", "请输入11位手机号码");
        var hash = protector.BlindIndex(phone);
        var row = await db.ResidentCodes.FirstOrDefaultAsync(c => c.PhoneHash == hash, ct);
        if (row is null) db.ResidentCodes.Add(row = ResidentCode.Create(hash));
        else if (row.RefuseResend(db.Now, db.Today) is { } why) return Problems.Validation("phone", why);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        row.Issue(protector.BlindIndex("code:" + hash + ":" + code), db.Now, db.Today);
        await db.SaveChangesAsync(ct);
        await sms.SendAsync(phone, code, ct);
        var echo = config.GetValue("Lianxin:Sms:EchoCodes", false);
        return TypedResults.Ok(new CodeSent(Mask.Phone(phone), ResidentCode.LifetimeMinutes, echo ? code : null));
    }

    public static async Task<Results<Ok<ResidentMe>, ValidationProblem>> Login(LoginRequest r, HttpContext http, AppDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var phone = NormalizePhone(r.Phone);
        if (!MobileNumber.IsValid(phone)) return Problems.Validation("phone", "请输入11位手机号码");
        var code = (r.Code ?? "").Trim();
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return Problems.Validation("code", "请输入6位验证码");
        var hash = protector.BlindIndex(phone);
        var row = await db.ResidentCodes.FirstOrDefaultAsync(c => c.PhoneHash == hash, ct);
        var why = row is null ? "请先获取验证码" : row.Verify(protector.BlindIndex("code:" + hash + ":" + code), db.Now);
        await db.SaveChangesAsync(ct);   // the attempt counts even when it fails
        if (why is not null) return Problems.Validation("code", why);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "居民 " + Mask.Phone(phone)), new Claim(PhoneHashClaim, hash), new Claim(PhoneClaim, phone)], Scheme);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        db.Audit("login.success", "居民", null, $"居民 {Mask.Phone(phone)} 以短信验证码登录随手拍");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ResidentMe(Mask.Phone(phone)));
    }

    public static async Task<NoContent> Logout(HttpContext http, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await http.SignOutAsync(Scheme);
        return TypedResults.NoContent();
    }

    public static Ok<ResidentMe> Me(ClaimsPrincipal user) => TypedResults.Ok(new ResidentMe(Mask.Phone(user.FindFirstValue(PhoneClaim) ?? "")));

    private static string PhoneHashOf(ClaimsPrincipal user) => user.FindFirstValue(PhoneHashClaim) ?? throw new InvalidOperationException("not a resident");

    /// <summary>The resident's own events: reported with their phone number, by any channel.</summary>
    private static IQueryable<GridEvent> Own(AppDbContext db, ClaimsPrincipal user)
    {
        var hash = PhoneHashOf(user);
        return db.GridEvents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(e => e.ReporterPhoneHash == hash);
    }

    public static async Task<Results<Created<EventDetail>, ValidationProblem>> Report(ResidentEventInput r, HttpContext http, AppDbContext db, GridIndex index,
        PersonalDataProtector protector, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var description = r.Description?.Trim() ?? "";
        if (description.Length == 0) errors["description"] = ["请描述您看到的问题"];
        else if (description.Length > 4000) errors["description"] = ["描述不能超过4000个字"];
        if (r.Lon is not { } lon || r.Lat is not { } lat) errors["lon"] = ["请允许定位，以便把事件分派到所在网格"];
        else if (lon is < 73 or > 136 || lat is < 3 or > 54) errors["lon"] = ["位置不在中国范围内"];
        var address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim();
        if (address?.Length > 200) errors["address"] = ["地址不能超过200个字"];
        var name = string.IsNullOrWhiteSpace(r.Name) ? "居民" : r.Name.Trim();
        if (name.Length > 50) errors["name"] = ["称呼不能超过50个字"];
        var category = r.CategoryId is { } cid ? await db.EventCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid && c.IsActive, ct) : null;
        if (category is null) errors["categoryId"] = ["请选择问题类型"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var settings = await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct);
        var place = await index.Route(db, r.Lon!.Value, r.Lat!.Value, settings.NearestGridMetres, ct);
        if (place is null) return Problems.Validation("lon", "该位置不在本平台网格服务范围内，请拨打12345热线或联系所在社区");
        var phone = http.User.FindFirstValue(PhoneClaim)!;
        var e = GridEvent.Report(await EventFeatures.NewNumber(db, ct), category!, await EventFeatures.RootOf(db, category!, ct), EventNetwork.Comprehensive,
            description, r.Lon, r.Lat, address, (place.OrgId, place.OrgPath, place.GridId, place.GridName, place.Outside), ReporterKind.Resident, name,
            (protector.Encrypt(phone), PhoneHashOf(http.User), Mask.Phone(phone)), null, db.Now);
        db.GridEvents.Add(e);
        db.EventSteps.Add(EventStep.Of(e, "report", null, $"{name}（居民）", null, db.Now, null,
            place.GridName is { } gn ? $"自动分派至网格：{gn}" : "不在任何网格内，已进入社区待处理队列"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/resident/events/{e.Id}", await Detail(db, e, http, ct));
    }

    public static async Task<Ok<EventPage>> Mine(int? page, int? pageSize, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        var rows = Own(db, http.User).AsNoTracking();
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(e => e.ReportedAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new EventPage(await EventFeatures.ToRows(db, list, ct), total, false, p, size));
    }

    /// <summary>The detail as a resident may see it: the handlers are named by role, not by person; the only action is 评价.</summary>
    private static async Task<EventDetail> Detail(AppDbContext db, GridEvent e, HttpContext http, CancellationToken ct)
    {
        var d = await EventFeatures.DetailFor(db, e, http, ct);
        return d with
        {
            Steps = [.. d.Steps.Select(s => s with { ActorName = s.Action is "report" ? s.ActorName : s.Action == "escalate" ? "系统" : "网格工作人员" })],
            AllowedActions = e.Status == EventStatus.Closed && e.Rating is null ? ["Rate"] : [],
        };
    }

    public static async Task<Results<Ok<EventDetail>, NotFound>> Get(Guid id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var e = await Own(db, http.User).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is null ? TypedResults.NotFound() : TypedResults.Ok(await Detail(db, e, http, ct));
    }

    public static async Task<Results<Ok<EventDetail>, NotFound, ValidationProblem>> Rate(Guid id, RateInput r, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var e = await Own(db, http.User).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return TypedResults.NotFound();
        if (r.Rating is not { } stars) return Problems.Validation("rating", "请选择评价星级");
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (note?.Length > 500) return Problems.Validation("note", "评价意见不能超过500个字");
        try { e.Rate(stars, note, db.Now); }
        catch (DomainException x) { return Problems.Validation(x.Field, x.Message); }
        db.EventSteps.Add(EventStep.Of(e, "rate", e.Status, http.User.Identity!.Name!, null, db.Now, note, $"{stars} 星"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Detail(db, e, http, ct));
    }

    public static async Task<Results<Created<PhotoRow>, NotFound, ValidationProblem>> UploadPhoto(Guid id, IFormFile? file, HttpContext http, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var e = await Own(db, http.User).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return TypedResults.NotFound();
        if (e.Status != EventStatus.Reported) return Problems.Validation("file", "事件已受理，不能再补充照片");
        var settings = await SettingsStore.Read<GridSettings>(db, GridSettings.Key, ct);
        if (await db.GridPhotos.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).CountAsync(p => p.OwnerId == id, ct) >= 9)
            return Problems.Validation("file", "每件事件最多上传9张照片");
        return await PhotoStore.Save(db, store, settings, file, (n, t, s, h) => GridPhoto.Create(e.Id, e.OrgId, e.OrgPath, n, t, s, h, db.Now), ct);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Photo(Guid id, HttpContext http, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var p = await db.GridPhotos.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !await Own(db, http.User).AnyAsync(e => e.Id == p.OwnerId, ct)) return TypedResults.NotFound();
        var content = await store.Read(db, p.Id, ct);
        return content is null ? TypedResults.NotFound() : TypedResults.File(content, p.ContentType, p.FileName);
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/resident").WithTags("居民随手拍");
        g.MapPost("/code", SendCode).RequireRateLimiting(Platform.LianxinApp.SignInLimit);
        g.MapPost("/login", Login).RequireRateLimiting(Platform.LianxinApp.SignInLimit);
        g.MapPost("/logout", Logout);
        g.MapGet("/me", Me).RequireAuthorization(Policy);
        g.MapGet("/categories", CatalogFeatures.Categories).RequireAuthorization(Policy);
        g.MapGet("/events", Mine).RequireAuthorization(Policy);
        g.MapPost("/events", Report).RequireAuthorization(Policy);
        g.MapGet("/events/{id:guid}", Get).RequireAuthorization(Policy);
        g.MapPost("/events/{id:guid}/rate", Rate).RequireAuthorization(Policy);
        g.MapPost("/events/{id:guid}/photos", UploadPhoto).RequireAuthorization(Policy).DisableAntiforgery().WithBodyLimit(55L * 1024 * 1024);
        g.MapGet("/photos/{id:guid}", Photo).RequireAuthorization(Policy);
    }
}
