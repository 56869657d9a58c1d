using Lianxin.Platform.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Persistence;

internal static class IdentityTables
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AppUser>(u =>
        {
            u.ToTable("sys_users");
            u.Property(x => x.DisplayName).HasMaxLength(50);
            u.HasIndex(x => x.OrgId);
        });
        b.Entity<AppRole>().ToTable("sys_roles");
        b.Entity<IdentityUserRole<Guid>>().ToTable("sys_user_roles");
        b.Entity<IdentityUserClaim<Guid>>().ToTable("sys_user_claims");
        b.Entity<IdentityUserLogin<Guid>>().ToTable("sys_user_logins");
        b.Entity<IdentityUserToken<Guid>>().ToTable("sys_user_tokens");
        b.Entity<IdentityRoleClaim<Guid>>().ToTable("sys_role_claims");
    }
}
