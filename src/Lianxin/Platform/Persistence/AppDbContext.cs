using System.Linq.Expressions;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Mobile.Domain;
using Lianxin.Modules.Grids.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.OrgLife.Domain;
using Lianxin.Platform.Files;
using Lianxin.Platform.Jobs;
using Lianxin.Platform.Notifications;
using Lianxin.Platform.Settings;
using Lianxin.Platform.Access;
using Lianxin.Platform.Audit;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianxin.Platform.Persistence;

public sealed partial class AppDbContext(
    DbContextOptions<AppDbContext> options, OrgScope scope, ICurrentUser actor, TimeProvider clock)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    /// <summary>Name of the query filter that limits scoped entities to the user's subtree.</summary>
    public const string OrgScopeFilter = "OrgScope";
    /// <summary>Name of the query filter that hides soft-deleted rows.</summary>
    public const string NotDeletedFilter = "NotDeleted";

    private readonly List<AuditDraft> _explicitAudit = [];

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<PartyOrg> PartyOrgs => Set<PartyOrg>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonTag> PersonTags => Set<PersonTag>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<ThemedDayPlan> ThemedDayPlans => Set<ThemedDayPlan>();
    public DbSet<ThemedDayTheme> ThemedDayThemes => Set<ThemedDayTheme>();
    public DbSet<ThemedDayRecord> ThemedDayRecords => Set<ThemedDayRecord>();
    public DbSet<MedalAward> MedalAwards => Set<MedalAward>();
    public DbSet<MobileEpisode> MobileEpisodes => Set<MobileEpisode>();
    public DbSet<MobileReport> MobileReports => Set<MobileReport>();
    public DbSet<MobileLiaison> MobileLiaisons => Set<MobileLiaison>();
    public DbSet<MobileContact> MobileContacts => Set<MobileContact>();
    public DbSet<MobileActivity> MobileActivities => Set<MobileActivity>();
    public DbSet<MobileVisit> MobileVisits => Set<MobileVisit>();
    public DbSet<MobileSuggestion> MobileSuggestions => Set<MobileSuggestion>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<GridStaff> GridStaff => Set<GridStaff>();
    public DbSet<EventCategory> EventCategories => Set<EventCategory>();
    public DbSet<HandlingUnit> HandlingUnits => Set<HandlingUnit>();
    public DbSet<GridEvent> GridEvents => Set<GridEvent>();
    public DbSet<EventStep> EventSteps => Set<EventStep>();
    public DbSet<GridPhoto> GridPhotos => Set<GridPhoto>();
    public DbSet<MediationCase> MediationCases => Set<MediationCase>();
    public DbSet<MediationSession> MediationSessions => Set<MediationSession>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionFinding> InspectionFindings => Set<InspectionFinding>();
    public DbSet<Open311Client> Open311Clients => Set<Open311Client>();
    public DbSet<ResidentCode> ResidentCodes => Set<ResidentCode>();

    // Read by the query filters at execution time; EF turns them into parameters.
    internal string ScopeLo => scope.Lo;
    internal string ScopeHi => scope.Hi;

    public OrgScope Scope => scope;
    public ICurrentUser Actor => actor;
    public TimeProvider Clock => clock;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    /// <summary>Today's date in China (see ChinaTime).</summary>
    public DateOnly Today => ChinaTime.DateOf(Now);
    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Queue an audit entry that is written with the next SaveChanges, in the same transaction.</summary>
    public void Audit(string action, string? entityType, string? entityId, string summary, object? before = null, object? after = null,
        (Guid? Id, string Name)? actor = null) =>
        _explicitAudit.Add(new AuditDraft(action, entityType, entityId, summary,
            before is null ? null : AuditTrail.ToJson(before), after is null ? null : AuditTrail.ToJson(after)) { ActorOverride = actor });

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        b.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        b.Properties<DateTime?>().HaveConversion<UtcNullableDateTimeConverter>();
        foreach (var enumType in new[] { typeof(OrgKind), typeof(OrgStatus), typeof(RegionLevel), typeof(Gender),
                     typeof(Education), typeof(MemberStatus), typeof(MemberCategory),
                     typeof(MeetingKind), typeof(MeetingStatus), typeof(PlanStatus),
                     typeof(EpisodeStatus), typeof(OutboundReason), typeof(LiaisonRole), typeof(ContactChannel), typeof(ActivityKind),
                     typeof(VisitKind), typeof(SuggestionArea), typeof(SuggestionStatus),
                     typeof(GridLevel), typeof(GridStaffRole), typeof(EventNetwork), typeof(ReporterKind), typeof(EventStatus),
                     typeof(HandlingUnitKind), typeof(MediationOutcome), typeof(InspectionKind), typeof(FindingStatus) })
            b.Properties(enumType).HaveConversion<string>().HaveMaxLength(32);
        foreach (var enumType in WorkforceEnums) b.Properties(enumType).HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        IdentityTables.Configure(b);

        // Binary collation on PostgreSQL so that path ranges are answered by the B-tree index.
        if (IsPostgres)
        {
            b.Entity<PartyOrg>().Property(o => o.Path).UseCollation("C");
            b.Entity<Person>().Property(o => o.OrgPath).UseCollation("C");
            b.Entity<Member>().Property(o => o.OrgPath).UseCollation("C");
            b.Entity<Meeting>().Property(o => o.OrgPath).UseCollation("C");
            b.Entity<Attachment>().Property(o => o.OrgPath).UseCollation("C");
            b.Entity<ThemedDayPlan>().Property(o => o.OrgPath).UseCollation("C");
            b.Entity<ThemedDayRecord>().Property(o => o.OrgPath).UseCollation("C");
            b.Entity<MedalAward>().Property(o => o.OrgPath).UseCollation("C");
            CoManagedCollation<MobileEpisode>(b);
            CoManagedCollation<MobileReport>(b);
            CoManagedCollation<MobileContact>(b);
            CoManagedCollation<MobileActivity>(b);
            CoManagedCollation<MobileVisit>(b);
            CoManagedCollation<MobileSuggestion>(b);
            b.Entity<MobileLiaison>().Property(o => o.OrgPath).UseCollation("C");
            foreach (var t in GridScoped) b.Entity(t).Property(nameof(IOrgScoped.OrgPath)).UseCollation("C");
        }

        b.Entity<PartyOrg>().HasQueryFilter(OrgScopeFilter,
            o => string.Compare(o.Path, ScopeLo) >= 0 && string.Compare(o.Path, ScopeHi) < 0);
        ApplyScope<Person>(b);
        ApplyScope<Member>(b);
        b.Entity<Person>().HasQueryFilter(NotDeletedFilter, p => !p.IsDeleted);
        b.Entity<Member>().HasQueryFilter(NotDeletedFilter, m => !m.IsDeleted);
        ApplyScope<Meeting>(b);
        ApplyScope<Attachment>(b);
        ApplyScope<ThemedDayPlan>(b);
        ApplyScope<ThemedDayRecord>(b);
        ApplyScope<MedalAward>(b);
        b.Entity<Meeting>().HasQueryFilter(NotDeletedFilter, m => !m.IsDeleted);
        b.Entity<Attachment>().HasQueryFilter(NotDeletedFilter, m => !m.IsDeleted);
        b.Entity<ThemedDayPlan>().HasQueryFilter(NotDeletedFilter, m => !m.IsDeleted);
        b.Entity<ThemedDayRecord>().HasQueryFilter(NotDeletedFilter, m => !m.IsDeleted);
        b.Entity<MedalAward>().HasQueryFilter(NotDeletedFilter, m => !m.IsDeleted);
        ApplyCoScope<MobileEpisode>(b);
        ApplyCoScope<MobileReport>(b);
        ApplyCoScope<MobileContact>(b);
        ApplyCoScope<MobileActivity>(b);
        ApplyCoScope<MobileVisit>(b);
        ApplyCoScope<MobileSuggestion>(b);
        ApplyScope<MobileLiaison>(b);
        ApplyScope<Grid>(b);
        b.Entity<Grid>().HasQueryFilter(NotDeletedFilter, g => !g.IsDeleted);
        ApplyScope<GridStaff>(b);
        ApplyScope<HandlingUnit>(b);
        ApplyScope<GridEvent>(b);
        ApplyScope<EventStep>(b);
        ApplyScope<GridPhoto>(b);
        ApplyScope<MediationCase>(b);
        ApplyScope<Inspection>(b);
        ApplyScope<Open311Client>(b);
        ConfigureWorkforce(b);
    }

    private static readonly Type[] GridScoped =
        [typeof(Grid), typeof(GridStaff), typeof(HandlingUnit), typeof(GridEvent), typeof(EventStep), typeof(GridPhoto), typeof(MediationCase), typeof(Inspection), typeof(Open311Client)];

    /// <summary>Visible in the owner's subtree or in the co-managing organization's subtree.</summary>
    private void ApplyCoScope<T>(ModelBuilder b) where T : class, ICoManaged
    {
        Expression<Func<T, bool>> filter = e => (string.Compare(e.OrgPath, ScopeLo) >= 0 && string.Compare(e.OrgPath, ScopeHi) < 0)
            || (e.CoOrgPath != null && string.Compare(e.CoOrgPath, ScopeLo) >= 0 && string.Compare(e.CoOrgPath, ScopeHi) < 0);
        b.Entity<T>().HasQueryFilter(OrgScopeFilter, filter);
    }

    private static void CoManagedCollation<T>(ModelBuilder b) where T : class, ICoManaged
    {
        b.Entity<T>().Property(o => o.OrgPath).UseCollation("C");
        b.Entity<T>().Property(o => o.CoOrgPath).UseCollation("C");
    }

    private void ApplyScope<T>(ModelBuilder b) where T : class, IOrgScoped
    {
        Expression<Func<T, bool>> filter = e => string.Compare(e.OrgPath, ScopeLo) >= 0 && string.Compare(e.OrgPath, ScopeHi) < 0;
        b.Entity<T>().HasQueryFilter(OrgScopeFilter, filter);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the audit chain is written asynchronously.");

    /// <summary>
    /// Makes the caller's save conditional on the record still being the version the editor loaded: a later save
    /// from a stale form then fails with a concurrency conflict (409) instead of silently overwriting.
    /// </summary>
    public void ExpectVersion<T>(T entity, Guid? loadedVersion) where T : class
    {
        if (loadedVersion is not { } v) return;
        var version = Entry(entity).Property<Guid>("Version");
        version.OriginalValue = v;
        version.IsModified = true; // saved (with the check) even when the edit changed only related rows
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Every saved change of a versioned record gets a new version (the concurrency token).
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified && e.Metadata.FindProperty("Version") is not null))
            entry.Property("Version").CurrentValue = Guid.NewGuid();
        var drafts = AuditTrail.Collect(ChangeTracker);
        drafts.AddRange(_explicitAudit);
        _explicitAudit.Clear();
        if (drafts.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AuditTrail.AppendAsync(this, drafts, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class UtcNullableDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
