using System.Security.Claims;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Access;

/// <summary>
/// After authentication: looks up the signed-in user's organization and sets the request's OrgScope to
/// that subtree (one indexed query). A deactivated user, or one whose organization no longer exists,
/// is signed out and answered 401.
/// </summary>
public sealed class OrgScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, AppDbContext db, OrgScope scope)
    {
        if (http.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var binding = await (
                from u in db.Users
                where u.Id == userId && u.IsActive
                join o in db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]) on u.OrgId equals o.Id
                select new { o.Id, o.Path }).FirstOrDefaultAsync(http.RequestAborted);
            if (binding is null)
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                scope.RestrictTo(binding.Id, binding.Path);
            }
        }
        await next(http);
    }
}
