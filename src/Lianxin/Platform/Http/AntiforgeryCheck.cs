using Microsoft.AspNetCore.Antiforgery;

namespace Lianxin.Platform.Http;

/// <summary>
/// Every unsafe API request must carry the X-XSRF-TOKEN header matching the antiforgery cookie
/// (double-submit with a server-validated token), so another site cannot drive the cookie session.
/// </summary>
public sealed class AntiforgeryCheck(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(http.Request.Method)
            && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method))
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.Problem("页面已过期或请求来源不可信，请刷新页面后重试。", statusCode: 400, title: "请求校验失败")
                    .ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }
}
