using System.Linq.Expressions;
using Lianxin.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Persistence;

/// <summary>
/// 社区工作者: every entity of the Workforce module is scoped by convention rather than one line each: an
/// <see cref="IOrgScoped"/> entity gets the org-scope filter (and the binary collation of its path on PostgreSQL),
/// one with an IsDeleted flag the not-deleted filter, and every enum of the module is stored as its name.
/// </summary>
public sealed partial class AppDbContext
{
    private const string WorkforceNamespace = "Lianxin.Modules.Workforce.Domain";

    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<WorkerCertificate> WorkerCertificates => Set<WorkerCertificate>();
    public DbSet<WorkerPostChange> WorkerPostChanges => Set<WorkerPostChange>();
    public DbSet<CommunityPopulation> CommunityPopulations => Set<CommunityPopulation>();
    public DbSet<ReserveEntry> ReserveEntries => Set<ReserveEntry>();
    public DbSet<Competition> Competitions => Set<Competition>();
    public DbSet<SecretaryFiling> SecretaryFilings => Set<SecretaryFiling>();

    private static readonly Type[] WorkforceEnums =
        [.. typeof(Worker).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == WorkforceNamespace)];

    private void ConfigureWorkforce(ModelBuilder b)
    {
        foreach (var type in b.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => t.Namespace == WorkforceNamespace).ToList())
        {
            if (typeof(IOrgScoped).IsAssignableFrom(type))
            {
                var e = Expression.Parameter(type, "e");
                var path = Expression.Property(e, nameof(IOrgScoped.OrgPath));
                var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
                var lo = Expression.Property(Expression.Constant(this), nameof(ScopeLo));
                var hi = Expression.Property(Expression.Constant(this), nameof(ScopeHi));
                var body = Expression.AndAlso(
                    Expression.GreaterThanOrEqual(Expression.Call(compare, path, lo), Expression.Constant(0)),
                    Expression.LessThan(Expression.Call(compare, path, hi), Expression.Constant(0)));
                b.Entity(type).HasQueryFilter(OrgScopeFilter, Expression.Lambda(body, e));
                if (IsPostgres) b.Entity(type).Property(nameof(IOrgScoped.OrgPath)).UseCollation("C");
            }
            if (type.GetProperty("IsDeleted")?.PropertyType == typeof(bool))
            {
                var e = Expression.Parameter(type, "e");
                b.Entity(type).HasQueryFilter(NotDeletedFilter, Expression.Lambda(Expression.Not(Expression.Property(e, "IsDeleted")), e));
            }
        }
    }
}
