using Lianxin.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Persistence;

/// <summary>社区工作者 — 培训、考核与档案 (scoped by the module's convention, see AppDbContext.Workforce.cs).</summary>
public sealed partial class AppDbContext
{
    public DbSet<TrainingClass> TrainingClasses => Set<TrainingClass>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingEnrolment> TrainingEnrolments => Set<TrainingEnrolment>();
    public DbSet<TrainingAttendance> TrainingAttendance => Set<TrainingAttendance>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<WorkforceEffect> WorkforceEffects => Set<WorkforceEffect>();
    public DbSet<ArchiveFile> ArchiveFiles => Set<ArchiveFile>();
}
