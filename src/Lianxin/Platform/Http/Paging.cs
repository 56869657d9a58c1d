namespace Lianxin.Platform.Http;

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    public const int MaxPageSize = 100;
    /// <summary>Beyond this a page number is nonsense (and (page-1)×size would overflow); it is clamped.</summary>
    public const int MaxPage = 1_000_000;

    public static (int Page, int Size) Clamp(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));
}
