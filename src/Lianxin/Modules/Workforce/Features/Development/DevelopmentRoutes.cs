namespace Lianxin.Modules.Workforce.Features.Development;

/// <summary>社区工作者 — 培训、考核与档案: the routes of this part (mapped under /api/v1/workforce by WorkforceModule).</summary>
public static class DevelopmentRoutes
{
    public static void Map(RouteGroupBuilder g)
    {
    }
}
