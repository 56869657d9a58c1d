using Lianxin.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Persistence;

/// <summary>社区工作者 — 选聘: announcements with their positions, and applications.</summary>
public sealed partial class AppDbContext
{
    public DbSet<RecruitAnnouncement> RecruitAnnouncements => Set<RecruitAnnouncement>();
    public DbSet<RecruitPosition> RecruitPositions => Set<RecruitPosition>();
    public DbSet<RecruitApplication> RecruitApplications => Set<RecruitApplication>();
}
