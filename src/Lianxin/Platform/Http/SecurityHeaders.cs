namespace Lianxin.Platform.Http;

/// <summary>Headers every answer carries: no MIME sniffing, no framing by other sites, no referrer leaks.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var h = http.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        if (http.Request.Path.StartsWithSegments("/api")) h.CacheControl = "no-store";
        return next(http);
    }
}
