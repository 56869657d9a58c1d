using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Http;

public static class Problems
{
    public const string ValidationTitle = "提交的数据有误";

    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "请按字段提示修改后重新提交。", title: ValidationTitle);

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>FluentValidation failures as field → messages, with camelCase request field names.</summary>
    public static Dictionary<string, string[]> Errors(ValidationResult result) =>
        result.Errors.GroupBy(e => CamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "与已有记录冲突");

    public static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

/// <summary>
/// Turns exceptions into problem+json with Chinese messages: malformed JSON and oversized bodies (400/413),
/// business-rule refusals (400 with the field), unique-key races (409). Anything else is a 500 without details.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        (int status, string title, string detail, Dictionary<string, string[]>? errors) = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => (413, "请求体过大", $"请求体不能超过 {BodySizeLimit.LimitFor(http) / 1024} KB。", null),
            BadHttpRequestException { InnerException: JsonException je } => (400, "请求体不是有效的 JSON", "请检查提交的数据格式。", JsonFieldError(je)),
            BadHttpRequestException bad => (bad.StatusCode, "请求无效", BadRequestDetail(bad), null),
            JsonException je => (400, "请求体不是有效的 JSON", "请检查提交的数据格式。", JsonFieldError(je)),
            DomainException de => (400, Problems.ValidationTitle, de.Message, new Dictionary<string, string[]> { [de.Field] = [de.Message] }),
            DbUpdateException => (409, "与已有记录冲突", "数据已被他人修改或与已有记录重复，请刷新后重试。", null),
            _ => (500, "服务器内部错误", "请求未能完成，数据未作修改。请稍后重试或联系管理员。", null),
        };
        if (status >= 500) log.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = status;
        var pd = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null) pd.Extensions["errors"] = errors;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd, Exception = exception });
    }

    private static string BadRequestDetail(BadHttpRequestException bad) =>
        bad.Message.Contains("Required parameter", StringComparison.Ordinal) || bad.Message.Contains("Failed to read parameter", StringComparison.Ordinal)
            ? "请求缺少必填内容或格式不正确。"
            : bad.Message.Contains("Failed to bind parameter", StringComparison.Ordinal) ? "查询参数格式不正确。" : "请求格式不正确。";

    private static Dictionary<string, string[]>? JsonFieldError(JsonException je)
    {
        var path = je.Path?.TrimStart('$', '.');
        return string.IsNullOrEmpty(path) ? null : new() { [Problems.CamelCase(path)] = ["格式或取值不正确"] };
    }
}

/// <summary>Endpoint metadata: the largest request body the endpoint accepts (file uploads).</summary>
public sealed record BodyLimit(long Bytes);

public static class BodyLimitExtensions
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));
}

/// <summary>
/// Refuses request bodies over the limit: at once when Content-Length says so, otherwise while reading
/// (chunked bodies), on every server — Kestrel enforces its own limit too, test hosts do not.
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next)
{
    public const long DefaultLimitBytes = 1024 * 1024;

    /// <summary>The limit of the request's endpoint (uploads declare a larger one with WithBodyLimit), else the default.</summary>
    public static long LimitFor(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? DefaultLimitBytes;

    public Task InvokeAsync(HttpContext http)
    {
        var limit = LimitFor(http);
        if (http.Request.ContentLength > limit)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        var feature = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        else if (http.Request.ContentLength is null) http.Request.Body = new LimitedReadStream(http.Request.Body, limit);
        return next(http);
    }

    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            return n;
        }
    }
}
