using System.Text.Json.Serialization;
using Lianxin.Modules.Members;
using Lianxin.Modules.Organizations;
using Lianxin.Modules.Mobile;
using Lianxin.Modules.Grids;
using Lianxin.Modules.OrgLife;
using Lianxin.Platform.Access;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Lianxin.Platform;

/// <summary>Builds the one web application: services, middleware and every module's routes.</summary>
public static class LianxinApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = ResolveWebRoot() });
        var s = builder.Services;

        // Settings are read when services are first resolved, not here, so that hosts (tests, tools) can override them.
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton(sp =>
        {
            var dir = Path.GetFullPath(sp.GetRequiredService<IConfiguration>()["Lianxin:DataDirectory"] ?? "data");
            Directory.CreateDirectory(dir);
            return new DataDirectory(dir);
        });
        s.AddSingleton(sp => DatabaseTarget.Parse(sp.GetRequiredService<IConfiguration>()["Lianxin:Database"], sp.GetRequiredService<DataDirectory>().Path));
        s.AddHttpContextAccessor();
        s.AddScoped<OrgScope>();
        s.AddScoped<ICurrentUser, HttpCurrentUser>();
        s.AddDbContext<AppDbContext>((sp, o) =>
        {
            var target = sp.GetRequiredService<DatabaseTarget>();
            target.Configure(o);
            if (target.Kind == DbKind.Sqlite) o.AddInterceptors(SqliteTuning.Instance);
        });

        // Personal data: keys from configuration, or a generated local key file for a single machine.
        s.AddSingleton<IFieldCipher, AesGcmFieldCipher>();
        s.AddSingleton<IFieldCipher, Sm4GcmFieldCipher>();
        s.AddSingleton(sp => PrivacyKeys.Resolve(
            sp.GetRequiredService<IConfiguration>().GetSection("Lianxin:Privacy").Get<PrivacyOptions>() ?? new PrivacyOptions(),
            sp.GetRequiredService<DataDirectory>().Path,
            m => sp.GetRequiredService<ILoggerFactory>().CreateLogger("Privacy").LogWarning("{Message}", m)));
        s.AddSingleton<PersonalDataProtector>();

        AddAccess(s);
        DatabaseKeyRing.AddTo(s);
        s.AddMembers();
        s.AddOrgLife();
        s.AddMobile();
        s.AddGrids();
        s.AddHostedService<Platform.Jobs.JobScheduler>();

        s.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        s.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        s.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = BodySizeLimit.DefaultLimitBytes);
        // Behind nginx or a load balancer: take the client address from X-Forwarded-For, but only from the proxies
        // named in Lianxin:TrustedProxies (comma-separated addresses); otherwise the header is ignored.
        s.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>().Configure<IConfiguration>((o, c) =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var ip in (c["Lianxin:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                o.KnownProxies.Add(System.Net.IPAddress.Parse(ip));
        });
        s.AddProblemDetails();
        // Sign-in attempts per client address (lockout protects one account; this slows trying many).
        s.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, http => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Lianxin:SignIn:AttemptsPerMinutePerAddress", 20),
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        s.AddExceptionHandler<ProblemExceptionHandler>();
        s.AddEndpointsApiExplorer();
        s.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new() { Title = "连心 Lianxin API", Version = "v1", Description = "党建引领基层治理平台接口。写操作需携带 X-XSRF-TOKEN 请求头。" });
            o.CustomSchemaIds(SchemaId);
            o.UseAllOfToExtendReferenceSchemas(); // a nullable enum property keeps its "nullable"
            // C#'s nullable annotations decide what is optional, so the console's generated types are exact.
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
        });
        return builder;
    }

    private static void AddAccess(IServiceCollection s)
    {
        s.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<ChineseIdentityErrors>();
        s.AddOptions<IdentityOptions>().Configure<IConfiguration>((o, c) =>
        {
            o.Password.RequiredLength = c.GetValue("Lianxin:Password:MinLength", o.Password.RequiredLength);
            o.Lockout.MaxFailedAccessAttempts = c.GetValue("Lianxin:Lockout:MaxFailures", o.Lockout.MaxFailedAccessAttempts);
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(c.GetValue("Lianxin:Lockout:Minutes", o.Lockout.DefaultLockoutTimeSpan.TotalMinutes));
        });
        s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        s.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        s.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "lianxin.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = 403; return Task.CompletedTask; };
        });
        s.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IConfiguration>((o, c) => o.ExpireTimeSpan = TimeSpan.FromMinutes(c.GetValue("Lianxin:Session:IdleMinutes", 30)));
        s.AddAuthorization(o =>
        {
            foreach (var perm in Perm.All)
                o.AddPolicy(perm, p => p.RequireAuthenticatedUser().RequireAssertion(c => Roles.PermissionsOf(c.User).Contains(perm)));
        });
        s.AddAntiforgery(o =>
        {
            o.HeaderName = "X-XSRF-TOKEN";
            o.Cookie.Name = "lianxin.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    public static WebApplication Configure(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/api")) return;
            var (title, detail) = http.Response.StatusCode switch
            {
                401 => ("未登录或登录已过期", "请重新登录。"),
                403 => ("没有权限", "您的角色没有执行此操作的权限。"),
                404 => ("未找到", "记录不存在，或不在您的管辖范围内。"),
                405 => ("不支持的请求方法", "该接口不支持此请求方法。"),
                413 => ("请求体过大", $"请求体不能超过 {BodySizeLimit.LimitFor(http) / 1024} KB。"),
                429 => ("操作过于频繁", "请稍后再试。"),
                415 => ("不支持的内容类型", "请以 application/json 提交。"),
                _ => ("请求未能完成", null as string),
            };
            await Results.Problem(detail, statusCode: http.Response.StatusCode, title: title).ExecuteAsync(http);
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<BodySizeLimit>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseSwagger();
        app.UseSwaggerUI(o => { o.DocumentTitle = "连心 API"; });
        app.UseAuthentication();
        // Before authorization: tokens are issued to the default (staff cookie) identity, so they are
        // checked against it too; a resident endpoint's policy swaps in the resident's identity later.
        app.UseMiddleware<AntiforgeryCheck>();
        app.UseMiddleware<OrgScopeMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();

        var api = app.MapGroup("/api/v1");
        AuthEndpoints.Map(api);
        UserEndpoints.Map(api);
        AuditEndpoints.Map(api);
        OrganizationsModule.Map(api);
        MembersModule.Map(api);
        OrgLifeModule.Map(api);
        MobileModule.Map(api);
        GridsModule.Map(api);
        Lianxin.Modules.Workforce.WorkforceModule.Map(api);
        Open311Module.Map(app);
        Notifications.NotificationEndpoints.Map(api);
        api.MapGet("/health", () => TypedResults.Ok(new Health("ok"))).WithTags("运行状态");
        app.MapFallback("/api/{**rest}", () => Results.NotFound());
        app.MapFallback("/open311/{**rest}", () => Results.NotFound());
        // The phone pages (Vant) for grid staff and residents are a second single-page app under /m/.
        app.MapFallbackToFile("/m/{**rest}", "m.html");
        app.MapFallbackToFile("index.html");
        return app;
    }

    public const string SignInLimit = "sign-in";

    public sealed record Health(string Status);

    /// <summary>Stable schema names: "Modules.Members.Features.MemberRow", generics as "Platform.Http.PageOf.MemberRow".</summary>
    private static string SchemaId(Type t)
    {
        static string Name(Type x) => x.FullName!.Replace("Lianxin.", "", StringComparison.Ordinal).Replace('+', '.');
        if (!t.IsGenericType) return Name(t);
        var open = Name(t.GetGenericTypeDefinition());
        return open[..open.IndexOf('`', StringComparison.Ordinal)] + "." + string.Join(".", t.GetGenericArguments().Select(a => a.Name));
    }

    public sealed record DataDirectory(string Path);

    /// <summary>The built console (web/ → wwwroot) next to the sources in a checkout, or next to the binary when published.</summary>
    private static string? ResolveWebRoot()
    {
        foreach (var candidate in new[] { Path.Combine(AppContext.BaseDirectory, "wwwroot"), Path.Combine(FindRepoRoot() ?? "", "src", "Lianxin", "wwwroot") })
            if (Directory.Exists(candidate)) return candidate;
        return null;
    }

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) return dir.FullName;
        return null;
    }
}
