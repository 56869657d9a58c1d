namespace Lianxin.Modules.Workforce.Features.Pay;

/// <summary>社区工作者 — 薪酬体系: the routes of this part (mapped under /api/v1/workforce by WorkforceModule).</summary>
public static class PayRoutes
{
    public static void Map(RouteGroupBuilder g)
    {
    }
}
