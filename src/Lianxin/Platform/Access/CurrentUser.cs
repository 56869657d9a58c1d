using System.Security.Claims;

namespace Lianxin.Platform.Access;

/// <summary>Who is acting, for the audit log. In a request: the signed-in user; elsewhere: 系统.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string UserName { get; }
    string? Ip { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => Principal?.Identity?.IsAuthenticated == true
        ? Principal.Identity.Name ?? "" : accessor.HttpContext is null ? "系统" : "匿名";

    public string? Ip => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
