using Lianxin.Platform.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.ApiTests.Infrastructure;

/// <summary>The real application on the given database, with fixed test keys.</summary>
public sealed class LianxinFactory(string database, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string DataKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public const string IndexKey = "HxoZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwIBAP/+/fw=";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Lianxin:Database", database);
        builder.UseSetting("Lianxin:DataDirectory", TestDatabases.DataDirectory);
        builder.UseSetting("Lianxin:Privacy:DataKey", DataKey);
        builder.UseSetting("Lianxin:Privacy:IndexKey", IndexKey);
        builder.UseSetting("Lianxin:Scheduler:Enabled", "false"); // tests run the reminder job themselves
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        configure?.Invoke(builder);
    }

    /// <summary>Runs code against the app's services with an unrestricted organization scope (test set-up and checks).</summary>
    public async Task AsSystemAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        await action(scope.ServiceProvider);
    }

    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        return await action(scope.ServiceProvider);
    }
}
