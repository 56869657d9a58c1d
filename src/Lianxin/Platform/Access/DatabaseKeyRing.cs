using System.Xml.Linq;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Lianxin.Platform.Access;

/// <summary>One ASP.NET Core data-protection key (it encrypts session cookies and antiforgery tokens).</summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        e.ToTable("sys_data_protection_keys");
        e.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>
/// Keeps the data-protection key ring in the database, so that every app instance behind a load balancer
/// reads the cookies and tokens the others issued. (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore
/// does this, but is not in this machine's package registry; swap it in where it is.)
/// </summary>
public sealed class DatabaseKeyRing(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return [.. db.Set<DataProtectionKey>().AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Set<DataProtectionKey>().Add(new DataProtectionKey { Id = Guid.CreateVersion7(), FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChangesAsync().GetAwaiter().GetResult(); // IXmlRepository is synchronous; this runs on key creation only
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Lianxin");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRing(sp.GetRequiredService<IServiceScopeFactory>())));
    }
}
