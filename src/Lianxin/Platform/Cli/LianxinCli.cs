using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Cli;

/// <summary>
/// lianxin [serve] [--demo] [--db URL] [--urls URL]   start the platform (migrates first; --demo seeds an empty database)
/// lianxin migrate [--db URL] [--rekey-names]         apply schema migrations (--rekey-names: after an ICU upgrade)
/// lianxin seed --demo [--members N] [--db URL]        generate the demo district (or N members at city scale)
/// lianxin admin --user NAME --password PW [--org NAME] create a 系统管理员 (and the top organization if none),
///                                                     or reset the password of an existing account
/// lianxin schema-sql                                  print the DDL the current model creates (for writing migrations)
/// </summary>
public static class LianxinCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        var flags = Flags.Parse(rest);
        var configArgs = flags.ToConfigArgs();
        switch (command)
        {
            case "serve": return await Serve(configArgs, flags);
            case "migrate": return await WithServices(configArgs, async sp =>
            {
                await Migrate(sp, rekeyNames: flags.Has("rekey-names"));
                Console.WriteLine("数据库已是最新版本。");
                return 0;
            });
            case "seed": return await WithServices(configArgs, async sp => { await Migrate(sp); return await Seed(sp, flags); });
            case "admin": return await WithServices(configArgs, async sp => { await Migrate(sp); return await CreateAdmin(sp, flags); });
            case "schema-sql": return await WithServices(configArgs, sp => { Console.WriteLine(sp.GetRequiredService<AppDbContext>().Database.GenerateCreateScript()); return Task.FromResult(0); });
            default:
                Console.Error.WriteLine($"未知命令 {command}。可用命令：serve, migrate, seed, admin, schema-sql");
                return 2;
        }
    }

    private static async Task<int> Serve(string[] configArgs, Flags flags)
    {
        var builder = LianxinApp.CreateBuilder(configArgs);
        // The demo has no SMS gateway: residents' sign-in codes come back in the response (never in production).
        if (flags.Has("demo")) builder.Configuration["Lianxin:Sms:EchoCodes"] = "true";
        var app = LianxinApp.Configure(builder.Build());
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
            await Migrate(scope.ServiceProvider);
            if (flags.Has("demo")) await DemoSeeder.SeedIfEmptyAsync(scope.ServiceProvider, DemoSeeder.DemoScale, print: true);
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var target = app.Services.GetRequiredService<DatabaseTarget>();
            Console.WriteLine();
            Console.WriteLine($"连心 Lianxin 已启动：{string.Join(", ", app.Urls)}   （数据库：{target.Describe()}）");
            Console.WriteLine($"接口文档：{app.Urls.FirstOrDefault()}/swagger");
            if (flags.Has("demo")) DemoSeeder.PrintLogins();
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> WithServices(string[] configArgs, Func<IServiceProvider, Task<int>> action)
    {
        var builder = LianxinApp.CreateBuilder(configArgs);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Schema migrations, then the data steps SQL cannot do, then the roles.</summary>
    public static async Task Migrate(IServiceProvider sp, bool rekeyNames = false)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var rekeyed = await Modules.Members.Data.NameKeyBackfill.RunAsync(db, rekeyNames);
        if (rekeyed > 0) Console.WriteLine($"已为 {rekeyed} 条记录计算姓名拼音排序键。");
        var roles = sp.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));
        await Modules.Grids.Features.CatalogFeatures.EnsureDefaults(db);
    }

    private static async Task<int> Seed(IServiceProvider sp, Flags flags)
    {
        if (!flags.Has("demo")) { Console.Error.WriteLine("用法：lianxin seed --demo [--members N]"); return 2; }
        var scale = flags.Get("members") is { } n && int.TryParse(n, out var members) ? DemoSeeder.CityScale(members) : DemoSeeder.DemoScale;
        var seeded = await DemoSeeder.SeedIfEmptyAsync(sp, scale, print: true);
        if (!seeded) { Console.Error.WriteLine("数据库中已有组织数据，未重复生成。"); return 1; }
        DemoSeeder.PrintLogins();
        return 0;
    }

    private static async Task<int> CreateAdmin(IServiceProvider sp, Flags flags)
    {
        var userName = flags.Get("user");
        var password = flags.Get("password");
        if (userName is null || password is null) { Console.Error.WriteLine("用法：lianxin admin --user 用户名 --password 密码 [--org 最上级组织名称]"); return 2; }
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        // All or nothing: a refused password must not leave a new top organization behind.
        await using var tx = await db.Database.BeginTransactionAsync();
        var root = await db.PartyOrgs.Where(o => o.ParentId == null).OrderBy(o => o.CreatedAt).FirstOrDefaultAsync();
        if (root is null)
        {
            root = PartyOrg.CreateRoot(flags.Get("org") ?? "中共某某市委", OrgKind.PartyCommittee, clock.GetUtcNow().UtcDateTime);
            db.PartyOrgs.Add(root);
            await db.SaveChangesAsync();
        }
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            // The way to recover an administrator account: the API does not reset 三员 passwords.
            var reset = await users.RemovePasswordAsync(existing);
            if (reset.Succeeded) reset = await users.AddPasswordAsync(existing, password);
            if (!reset.Succeeded) { Console.Error.WriteLine(string.Join("；", reset.Errors.Select(e => e.Description))); return 1; }
            await users.SetLockoutEndDateAsync(existing, null);
            await users.UpdateSecurityStampAsync(existing);
            db.Audit(Audit.AuditActions.PasswordReset, "用户", existing.Id.ToString(), $"命令行重置密码：{userName}");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            Console.WriteLine($"已重置 {userName} 的密码并解除锁定。");
            return 0;
        }
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = "系统管理员", OrgId = root.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) { Console.Error.WriteLine(string.Join("；", result.Errors.Select(e => e.Description))); return 1; }
        await users.AddToRoleAsync(user, Roles.SystemAdmin);
        db.Audit(Audit.AuditActions.Create, "用户", user.Id.ToString(), $"命令行创建系统管理员：{userName}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        Console.WriteLine($"已创建系统管理员 {userName}，所属组织：{root.Name}");
        return 0;
    }

    /// <summary>--name value / --name=value / --switch; --db and --urls become configuration.</summary>
    private sealed class Flags
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

        public static Flags Parse(string[] args)
        {
            var f = new Flags();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
                var name = args[i][2..];
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
                f._values[name] = value;
            }
            return f;
        }

        public bool Has(string name) => _values.ContainsKey(name);

        public string? Get(string name) => _values.GetValueOrDefault(name);

        public string[] ToConfigArgs()
        {
            var list = new List<string>();
            foreach (var (k, v) in _values)
            {
                if (v is null) continue;
                if (k.Equals("db", StringComparison.OrdinalIgnoreCase)) list.Add($"--Lianxin:Database={v}");
                else if (k.Equals("urls", StringComparison.OrdinalIgnoreCase)) list.Add($"--urls={v}");
                else if (k.Equals("contentRoot", StringComparison.OrdinalIgnoreCase)) list.Add($"--contentRoot={v}");
                else if (k.Contains(':', StringComparison.Ordinal)) list.Add($"--{k}={v}");
            }
            return [.. list];
        }
    }
}
