namespace Lianxin.Modules.Workforce.Features.Recruitment;

/// <summary>社区工作者 — 选聘: the routes of this part (mapped under /api/v1/workforce by WorkforceModule).</summary>
public static class RecruitmentRoutes
{
    public static void Map(RouteGroupBuilder g)
    {
    }
}
