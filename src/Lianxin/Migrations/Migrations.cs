using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using static Lianxin.Migrations.MigrationTables;

namespace Lianxin.Migrations;

// Hand-written migrations (no `dotnet ef` here: the design-time package is not available). See README,
// "Schema versions". Each is applied by Database.Migrate() inside a transaction and recorded in
// sys_schema_history. The schema-drift tests check that applying them all yields the model's schema.

/// <summary>Version 1: regions, party organizations, people, members, users and roles, the audit log.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(ProviderSql.Load("0001_Initial", migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("版本1是初始结构，不能回退。");
}

/// <summary>
/// Version 2, provider-neutral operations: tags on people (标签化管理); roster indexes that also cover the id
/// tiebreak and the soft-delete flag, so that a page of the roster in (organization, name) order is read from the
/// index without sorting and a subtree is counted from the index alone.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000002_PersonTagsAndRosterIndexes")]
public sealed class PersonTagsAndRosterIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "mem_person_tags",
            columns: t => new
            {
                PersonId = t.Column<Guid>(nullable: false),
                Tag = t.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_mem_person_tags", x => new { x.PersonId, x.Tag });
                t.ForeignKey("FK_mem_person_tags_mem_people_PersonId", x => x.PersonId, "mem_people", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_mem_person_tags_Tag", "mem_person_tags", "Tag");

        migrationBuilder.DropIndex("IX_mem_members_OrgPath_Name", "mem_members");
        migrationBuilder.CreateIndex("IX_mem_members_OrgPath_Name_Id_IsDeleted", "mem_members", ["OrgPath", "Name", "Id", "IsDeleted"]);
        migrationBuilder.DropIndex("IX_mem_people_OrgPath_Name", "mem_people");
        migrationBuilder.CreateIndex("IX_mem_people_OrgPath_Name_Id_IsDeleted", "mem_people", ["OrgPath", "Name", "Id", "IsDeleted"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_mem_people_OrgPath_Name_Id_IsDeleted", "mem_people");
        migrationBuilder.CreateIndex("IX_mem_people_OrgPath_Name", "mem_people", ["OrgPath", "Name"]);
        migrationBuilder.DropIndex("IX_mem_members_OrgPath_Name_Id_IsDeleted", "mem_members");
        migrationBuilder.CreateIndex("IX_mem_members_OrgPath_Name", "mem_members", ["OrgPath", "Name"]);
        migrationBuilder.DropTable("mem_person_tags");
    }
}

/// <summary>Version 3: the data-protection key ring in the database, shared by every app instance.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000003_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "sys_data_protection_keys",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                FriendlyName = t.Column<string>(maxLength: 200, nullable: true),
                Xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_sys_data_protection_keys", x => x.Id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("sys_data_protection_keys");
}

/// <summary>
/// Version 4: each organization's count of living members, kept by triggers on mem_members and back-filled
/// here, so that a subtree's member count is a sum over organizations rather than a count over members.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000004_OrgMemberCounts")]
public sealed class OrgMemberCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("MemberCount", "org_party_orgs", nullable: false, defaultValue: 0);
        migrationBuilder.Sql(ProviderSql.Load("0004_OrgMemberCounts", migrationBuilder.ActiveProvider));
        migrationBuilder.Sql(BackfillSql);
    }

    /// <summary>Recomputes every organization's count (also run after a bulk load, which suspends the triggers).</summary>
    public const string BackfillSql = """
        UPDATE org_party_orgs SET "MemberCount" =
          (SELECT COUNT(*) FROM mem_members m WHERE m."OrgId" = org_party_orgs."Id" AND m."IsDeleted" = FALSE)
        """;

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("版本4不能回退。");
}

/// <summary>
/// Version 5: pinyin order for names. A collation key column beside each name, and roster indexes on it instead
/// of the raw name. The keys of rows that exist already are computed in C# after migrating (NameKeyBackfill).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000005_NameOrder")]
public sealed class NameOrderKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "mem_people", "mem_members" })
        {
            migrationBuilder.AddColumn<string>("NameKey", table, maxLength: 200, nullable: false, defaultValue: "");
            migrationBuilder.DropIndex($"IX_{table}_OrgPath_Name_Id_IsDeleted", table);
            migrationBuilder.CreateIndex($"IX_{table}_OrgPath_NameKey_Id_IsDeleted", table, ["OrgPath", "NameKey", "Id", "IsDeleted"]);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "mem_people", "mem_members" })
        {
            migrationBuilder.DropIndex($"IX_{table}_OrgPath_NameKey_Id_IsDeleted", table);
            migrationBuilder.CreateIndex($"IX_{table}_OrgPath_Name_Id_IsDeleted", table, ["OrgPath", "Name", "Id", "IsDeleted"]);
            migrationBuilder.DropColumn("NameKey", table);
        }
    }
}

/// <summary>
/// Version 6: on PostgreSQL, TRUNCATE of the audit log is refused too (row triggers do not see it). SQLite has no
/// TRUNCATE, and its DELETE without WHERE still fires the version-1 trigger.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000006_AuditNoTruncate")]
public sealed class AuditNoTruncate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.Sql("""
                CREATE TRIGGER sys_audit_no_truncate BEFORE TRUNCATE ON sys_audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION sys_audit_append_only();
                """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.Sql("DROP TRIGGER sys_audit_no_truncate ON sys_audit_entries;");
    }
}

/// <summary>Version 7: optimistic-concurrency tokens on people and members (existing rows start from their id).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000007_RecordVersions")]
public sealed class RecordVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "mem_people", "mem_members" })
        {
            migrationBuilder.AddColumn<Guid>("Version", table, nullable: false, defaultValue: Guid.Empty);
            migrationBuilder.Sql($"UPDATE {table} SET \"Version\" = \"Id\"");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "mem_people", "mem_members" }) migrationBuilder.DropColumn("Version", table);
    }
}

/// <summary>
/// Version 8, organizational life (issue 3): settings, stored files, job-run claims, notifications; 三会一课 meetings
/// with attendance and attachments; 主题党日 plans, themes and branch records; 光荣在党50年 awards.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000008_OrgLife")]
public sealed class OrgLife : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        var pg = m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        string? pathCollation = pg ? "C" : null;

        m.CreateTable("sys_settings", t => new
        {
            Key = t.Column<string>(maxLength: 100, nullable: false),
            Value = t.Column<string>(maxLength: 20000, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_sys_settings", x => x.Key));

        m.CreateTable("sys_files", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_sys_files", x => x.Id));

        m.CreateTable("sys_job_runs", t => new
        {
            Job = t.Column<string>(maxLength: 100, nullable: false),
            RunKey = t.Column<string>(maxLength: 100, nullable: false),
            Owner = t.Column<string>(maxLength: 100, nullable: false),
            StartedAt = t.Column<DateTime>(nullable: false),
            LeaseUntil = t.Column<DateTime>(nullable: false),
            FinishedAt = t.Column<DateTime>(nullable: true),
            Outcome = t.Column<string>(maxLength: 500, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_sys_job_runs", x => new { x.Job, x.RunKey }));

        m.CreateTable("sys_notifications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrgId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 50, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Lines = t.Column<string>(maxLength: 20000, nullable: false),
            Link = t.Column<string>(maxLength: 200, nullable: true),
            DedupeKey = t.Column<string>(maxLength: 200, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            DeliveredAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_sys_notifications", x => x.Id));
        m.CreateIndex("IX_sys_notifications_DedupeKey", "sys_notifications", "DedupeKey", unique: true);
        m.CreateIndex("IX_sys_notifications_OrgId_CreatedAt", "sys_notifications", ["OrgId", "CreatedAt"]);
        m.CreateIndex("IX_sys_notifications_DeliveredAt", "sys_notifications", "DeliveredAt");

        m.CreateTable("sys_notification_reads", t => new
        {
            NotificationId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            ReadAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_sys_notification_reads", x => new { x.NotificationId, x.UserId });
            t.ForeignKey("FK_sys_notification_reads_sys_notifications_NotificationId", x => x.NotificationId, "sys_notifications", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ol_meetings", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrgId = t.Column<Guid>(nullable: false),
            OrgPath = t.Column<string>(maxLength: 400, nullable: false, collation: pathCollation),
            GroupId = t.Column<Guid>(nullable: true),
            Kind = t.Column<string>(maxLength: 32, nullable: false),
            HeldOn = t.Column<DateOnly>(nullable: false),
            HeldMonth = t.Column<int>(nullable: false),
            StartTime = t.Column<TimeOnly>(nullable: false),
            EndTime = t.Column<TimeOnly>(nullable: true),
            Place = t.Column<string>(maxLength: 100, nullable: false),
            Host = t.Column<string>(maxLength: 50, nullable: false),
            Topic = t.Column<string>(maxLength: 200, nullable: false),
            Minutes = t.Column<string>(maxLength: 20000, nullable: true),
            Status = t.Column<string>(maxLength: 32, nullable: false),
            ExpectedCount = t.Column<int>(nullable: false),
            PresentCount = t.Column<int>(nullable: false),
            SubmittedAt = t.Column<DateTime>(nullable: true),
            SubmittedBy = t.Column<string>(maxLength: 100, nullable: true),
            ReturnedAt = t.Column<DateTime>(nullable: true),
            ReturnedBy = t.Column<string>(maxLength: 100, nullable: true),
            ReturnComment = t.Column<string>(maxLength: 500, nullable: true),
            IsDeleted = t.Column<bool>(nullable: false),
            DeletedAt = t.Column<DateTime>(nullable: true),
            DeleteReason = t.Column<string>(maxLength: 200, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ol_meetings", x => x.Id);
            t.ForeignKey("FK_ol_meetings_org_party_orgs_OrgId", x => x.OrgId, "org_party_orgs", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ol_meetings_OrgPath_HeldMonth", "ol_meetings", ["OrgPath", "HeldMonth"]);
        m.CreateIndex("IX_ol_meetings_OrgId_HeldOn", "ol_meetings", ["OrgId", "HeldOn"]);

        m.CreateTable("ol_meeting_attendance", t => new
        {
            MeetingId = t.Column<Guid>(nullable: false),
            MemberId = t.Column<Guid>(nullable: false),
            MemberName = t.Column<string>(maxLength: 50, nullable: false),
            Present = t.Column<bool>(nullable: false),
            AbsenceReason = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ol_meeting_attendance", x => new { x.MeetingId, x.MemberId });
            t.ForeignKey("FK_ol_meeting_attendance_ol_meetings_MeetingId", x => x.MeetingId, "ol_meetings", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ol_attachments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OwnerId = t.Column<Guid>(nullable: false),
            OrgId = t.Column<Guid>(nullable: false),
            OrgPath = t.Column<string>(maxLength: 400, nullable: false, collation: pathCollation),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Size = t.Column<long>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            IsDeleted = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ol_attachments", x => x.Id));
        m.CreateIndex("IX_ol_attachments_OwnerId", "ol_attachments", "OwnerId");

        m.CreateTable("ol_themed_day_plans", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrgId = t.Column<Guid>(nullable: false),
            OrgPath = t.Column<string>(maxLength: 400, nullable: false, collation: pathCollation),
            Year = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 100, nullable: false),
            RequiredParts = t.Column<string>(maxLength: 2000, nullable: false),
            Status = t.Column<string>(maxLength: 32, nullable: false),
            PublishedAt = t.Column<DateTime>(nullable: true),
            IsDeleted = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ol_themed_day_plans", x => x.Id);
            t.ForeignKey("FK_ol_themed_day_plans_org_party_orgs_OrgId", x => x.OrgId, "org_party_orgs", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ol_themed_day_plans_OrgPath_Year", "ol_themed_day_plans", ["OrgPath", "Year"]);
        m.CreateIndex("IX_ol_themed_day_plans_OrgId", "ol_themed_day_plans", "OrgId");

        m.CreateTable("ol_themed_day_themes", t => new
        {
            PlanId = t.Column<Guid>(nullable: false),
            Month = t.Column<int>(nullable: false),
            Theme = t.Column<string>(maxLength: 100, nullable: false),
            Guidance = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ol_themed_day_themes", x => new { x.PlanId, x.Month });
            t.ForeignKey("FK_ol_themed_day_themes_ol_themed_day_plans_PlanId", x => x.PlanId, "ol_themed_day_plans", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ol_themed_day_records", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            Month = t.Column<int>(nullable: false),
            OrgId = t.Column<Guid>(nullable: false),
            OrgPath = t.Column<string>(maxLength: 400, nullable: false, collation: pathCollation),
            HeldOn = t.Column<DateOnly>(nullable: false),
            Place = t.Column<string>(maxLength: 100, nullable: false),
            Summary = t.Column<string>(maxLength: 5000, nullable: false),
            AttendeeCount = t.Column<int>(nullable: false),
            PartsDone = t.Column<string>(maxLength: 2000, nullable: false),
            IsDeleted = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ol_themed_day_records", x => x.Id);
            t.ForeignKey("FK_ol_themed_day_records_org_party_orgs_OrgId", x => x.OrgId, "org_party_orgs", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ol_themed_day_records_ol_themed_day_plans_PlanId", x => x.PlanId, "ol_themed_day_plans", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ol_themed_day_records_PlanId_Month_OrgId", "ol_themed_day_records", ["PlanId", "Month", "OrgId"], unique: true, filter: "\"IsDeleted\" = FALSE");
        m.CreateIndex("IX_ol_themed_day_records_OrgPath", "ol_themed_day_records", "OrgPath");
        m.CreateIndex("IX_ol_themed_day_records_OrgId", "ol_themed_day_records", "OrgId");

        m.CreateTable("ol_medal_awards", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MemberId = t.Column<Guid>(nullable: false),
            MemberName = t.Column<string>(maxLength: 50, nullable: false),
            OrgId = t.Column<Guid>(nullable: false),
            OrgPath = t.Column<string>(maxLength: 400, nullable: false, collation: pathCollation),
            Year = t.Column<int>(nullable: false),
            AwardedOn = t.Column<DateOnly>(nullable: false),
            Note = t.Column<string>(maxLength: 200, nullable: true),
            IsDeleted = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ol_medal_awards", x => x.Id);
            t.ForeignKey("FK_ol_medal_awards_mem_members_MemberId", x => x.MemberId, "mem_members", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ol_medal_awards_MemberId", "ol_medal_awards", "MemberId", unique: true, filter: "\"IsDeleted\" = FALSE");
        m.CreateIndex("IX_ol_medal_awards_OrgPath_Year", "ol_medal_awards", ["OrgPath", "Year"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "ol_medal_awards", "ol_themed_day_records", "ol_themed_day_themes", "ol_themed_day_plans",
                     "ol_attachments", "ol_meeting_attendance", "ol_meetings", "sys_notification_reads", "sys_notifications",
                     "sys_job_runs", "sys_files", "sys_settings" })
            m.DropTable(table);
    }
}

/// <summary>
/// Version 9, mobile party members (流动党员): outbound episodes with at most one open per member (a partial unique
/// index), periodic reports, 1+N liaisons, contacts, activities on either side, visits and suggestions. Every record
/// carries the home organization's path and the flow-in organization's path (co-managed scope).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000009_MobileMembers")]
public sealed class MobileMembers : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        var pg = m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        string? c = pg ? "C" : null;

        m.CreateTable("mob_episodes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MemberId = t.Column<Guid>(nullable: false),
            MemberName = t.Column<string>(maxLength: 50, nullable: false),
            OrgId = t.Column<Guid>(nullable: false),
            OrgPath = t.Column<string>(maxLength: 400, nullable: false, collation: c),
            CoOrgId = t.Column<Guid>(nullable: true),
            CoOrgPath = t.Column<string>(maxLength: 400, nullable: true, collation: c),
            DestinationRegionCode = t.Column<string>(maxLength: 12, nullable: false),
            DestinationRegionName = t.Column<string>(maxLength: 100, nullable: false),
            DestinationAddress = t.Column<string>(maxLength: 200, nullable: false),
            Reason = t.Column<string>(maxLength: 32, nullable: false),
            ReasonNote = t.Column<string>(maxLength: 200, nullable: true),
            LeftOn = t.Column<DateOnly>(nullable: false),
            ExpectedReturnOn = t.Column<DateOnly>(nullable: false),
            ContactPhoneCipher = t.Column<string>(maxLength: 400, nullable: false),
            ContactPhoneMasked = t.Column<string>(maxLength: 20, nullable: false),
            ContactWeChat = t.Column<string>(maxLength: 50, nullable: true),
            Status = t.Column<string>(maxLength: 32, nullable: false),
            DecidedAt = t.Column<DateTime>(nullable: true),
            DecidedBy = t.Column<string>(maxLength: 100, nullable: true),
            RejectReason = t.Column<string>(maxLength: 200, nullable: true),
            ReturnedOn = t.Column<DateOnly>(nullable: true),
            ReturnNote = t.Column<string>(maxLength: 200, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 100, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_mob_episodes", x => x.Id);
            t.ForeignKey("FK_mob_episodes_mem_members_MemberId", x => x.MemberId, "mem_members", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_mob_episodes_org_party_orgs_OrgId", x => x.OrgId, "org_party_orgs", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_mob_episodes_MemberId_Open", "mob_episodes", "MemberId", unique: true, filter: "\"Status\" IN ('Pending', 'Approved')");
        m.CreateIndex("IX_mob_episodes_OrgPath_Status", "mob_episodes", ["OrgPath", "Status"]);
        m.CreateIndex("IX_mob_episodes_CoOrgPath_Status", "mob_episodes", ["CoOrgPath", "Status"]);
        m.CreateIndex("IX_mob_episodes_OrgId", "mob_episodes", "OrgId");

        Record(m, "mob_reports", c,
            Col("EpisodeId", typeof(Guid)), Col("Period", typeof(string), max: 7), Col("FiledOn", typeof(DateOnly)),
            Col("Content", typeof(string), max: 2000));
        m.CreateIndex("IX_mob_reports_EpisodeId_Period", "mob_reports", ["EpisodeId", "Period"], unique: true);

        m.CreateTable("mob_liaisons", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MemberId = t.Column<Guid>(nullable: false),
            MemberName = t.Column<string>(maxLength: 50, nullable: false),
            OrgId = t.Column<Guid>(nullable: false),
            OrgPath = t.Column<string>(maxLength: 400, nullable: false, collation: c),
            LiaisonMemberId = t.Column<Guid>(nullable: true),
            LiaisonName = t.Column<string>(maxLength: 50, nullable: false),
            Role = t.Column<string>(maxLength: 32, nullable: false),
            Since = t.Column<DateOnly>(nullable: false),
            EndedOn = t.Column<DateOnly>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_mob_liaisons", x => x.Id);
            t.ForeignKey("FK_mob_liaisons_mem_members_MemberId", x => x.MemberId, "mem_members", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_mob_liaisons_MemberId", "mob_liaisons", "MemberId");
        m.CreateIndex("IX_mob_liaisons_OrgPath", "mob_liaisons", "OrgPath");

        Record(m, "mob_contacts", c,
            Col("EpisodeId", typeof(Guid), nullable: true), Col("LiaisonId", typeof(Guid), nullable: true), Col("ContactedBy", typeof(string), max: 50),
            Col("Channel", typeof(string), max: 32), Col("ContactedOn", typeof(DateOnly)), Col("Reachable", typeof(bool)),
            Col("Content", typeof(string), max: 1000));

        Record(m, "mob_activities", c,
            Col("EpisodeId", typeof(Guid)), Col("Kind", typeof(string), max: 32), Col("OccurredOn", typeof(DateOnly)), Col("Content", typeof(string), max: 1000));
        m.CreateIndex("IX_mob_activities_EpisodeId", "mob_activities", "EpisodeId");

        Record(m, "mob_visits", c,
            Col("Kind", typeof(string), max: 32), Col("VisitedOn", typeof(DateOnly)), Col("Visitors", typeof(string), max: 100),
            Col("Notes", typeof(string), nullable: true, max: 1000), Col("Problems", typeof(string), nullable: true, max: 1000),
            Col("ProblemsRaised", typeof(int)), Col("ProblemsSolved", typeof(int)), Col("Version", typeof(Guid)));

        Record(m, "mob_suggestions", c,
            Col("FiledOn", typeof(DateOnly)), Col("Area", typeof(string), max: 32), Col("Title", typeof(string), max: 100),
            Col("Content", typeof(string), max: 2000), Col("Status", typeof(string), max: 32), Col("Response", typeof(string), nullable: true, max: 500),
            Col("Version", typeof(Guid)));
    }

    private static AddColumnOperation Col(string name, Type type, bool nullable = false, int? max = null, string? collation = null) =>
        new() { Name = name, ClrType = type, IsNullable = nullable, MaxLength = max, Collation = collation };

    /// <summary>A table of a MobileRecord: the columns every such record shares, the table's own, and the shared indexes.</summary>
    private static void Record(MigrationBuilder m, string table, string? collation, params AddColumnOperation[] own)
    {
        var op = new CreateTableOperation { Name = table };
        AddColumnOperation[] shared =
        [
            Col("Id", typeof(Guid)), Col("MemberId", typeof(Guid)), Col("MemberName", typeof(string), max: 50), Col("OrgId", typeof(Guid)),
            Col("OrgPath", typeof(string), max: 400, collation: collation), Col("CoOrgId", typeof(Guid), nullable: true),
            Col("CoOrgPath", typeof(string), nullable: true, max: 400, collation: collation), Col("RecordedByOrgId", typeof(Guid)),
            Col("CreatedBy", typeof(string), max: 100), Col("CreatedAt", typeof(DateTime)), Col("UpdatedAt", typeof(DateTime)),
        ];
        foreach (var column in shared.Concat(own))
        {
            column.Table = table;
            op.Columns.Add(column);
        }
        op.PrimaryKey = new AddPrimaryKeyOperation { Name = $"PK_{table}", Table = table, Columns = ["Id"] };
        op.ForeignKeys.Add(new AddForeignKeyOperation
        {
            Name = $"FK_{table}_mem_members_MemberId", Table = table, Columns = ["MemberId"], PrincipalTable = "mem_members",
            PrincipalColumns = ["Id"], OnDelete = ReferentialAction.Restrict,
        });
        m.Operations.Add(op);
        m.CreateIndex($"IX_{table}_OrgPath", table, "OrgPath");
        m.CreateIndex($"IX_{table}_CoOrgPath", table, "CoOrgPath");
        m.CreateIndex($"IX_{table}_MemberId", table, "MemberId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "mob_suggestions", "mob_visits", "mob_activities", "mob_contacts", "mob_liaisons", "mob_reports", "mob_episodes" })
            m.DropTable(table);
    }
}

/// <summary>Version 10: grid governance — grids and their staff, event categories, handling units, events with their
/// timeline and photos, 矛盾纠纷调解 cases, inspections and findings.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201000010_GridGovernance")]
public sealed class GridGovernance : Migration
{

    protected override void Up(MigrationBuilder m)
    {
        var pg = m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        string? c = pg ? "C" : null;
        AddColumnOperation Path() => C<string>("OrgPath", max: 400, collation: c);

        Table(m, "grid_grids", [
            C<Guid>("Id"), C<Guid>("OrgId"), Path(), C<Guid?>("ParentId"), C<string>("Level", max: 32), C<string>("Name", max: 100),
            C<string>("Code", max: 40), C<Guid?>("PartyOrgId"), C<int>("Buildings"), C<int>("Households"), C<byte[]>("Boundary"),
            C<double>("MinLon"), C<double>("MinLat"), C<double>("MaxLon"), C<double>("MaxLat"), C<double>("AreaSquareMetres"),
            C<bool>("IsDeleted"), C<string>("DeleteReason", max: 200, nullable: true), C<DateTime>("CreatedAt"), C<DateTime>("UpdatedAt"), C<Guid>("Version")],
            Fk("OrgId", "org_party_orgs"));
        m.CreateIndex("IX_grid_grids_Code", "grid_grids", "Code", unique: true, filter: "\"IsDeleted\" = FALSE");
        m.CreateIndex("IX_grid_grids_OrgPath", "grid_grids", "OrgPath");
        m.CreateIndex("IX_grid_grids_ParentId", "grid_grids", "ParentId");
        m.CreateIndex("IX_grid_grids_UpdatedAt", "grid_grids", "UpdatedAt");
        m.CreateIndex("IX_grid_grids_OrgId", "grid_grids", "OrgId");

        Table(m, "grid_staff", [
            C<Guid>("Id"), C<Guid>("GridId"), C<Guid>("OrgId"), Path(), C<Guid>("PersonId"), C<string>("Name", max: 50), C<string>("Role", max: 32),
            C<DateOnly>("Since"), C<DateOnly?>("EndedOn"), C<DateTime>("CreatedAt")],
            Fk("GridId", "grid_grids"), Fk("PersonId", "mem_people"));
        m.CreateIndex("IX_grid_staff_GridId", "grid_staff", "GridId");
        m.CreateIndex("IX_grid_staff_PersonId", "grid_staff", "PersonId");
        m.CreateIndex("IX_grid_staff_OrgPath", "grid_staff", "OrgPath");

        Table(m, "grid_event_categories", [
            C<Guid>("Id"), C<Guid?>("ParentId"), C<string>("Code", max: 40), C<string>("Name", max: 50), C<string>("Description", max: 200, nullable: true),
            C<int>("TimeLimitHours"), C<int>("SortOrder"), C<bool>("IsActive"), C<DateTime>("UpdatedAt")]);
        m.CreateIndex("IX_grid_event_categories_Code", "grid_event_categories", "Code", unique: true);
        m.CreateIndex("IX_grid_event_categories_ParentId", "grid_event_categories", "ParentId");

        Table(m, "grid_handling_units", [
            C<Guid>("Id"), C<Guid>("OrgId"), Path(), C<string>("Name", max: 100), C<string>("Kind", max: 32), C<string>("Contact", max: 100, nullable: true),
            C<bool>("IsActive"), C<DateTime>("CreatedAt")]);
        m.CreateIndex("IX_grid_handling_units_OrgPath", "grid_handling_units", "OrgPath");

        Table(m, "grid_events", [
            C<Guid>("Id"), C<string>("Number", max: 20), C<Guid>("OrgId"), Path(), C<Guid>("CategoryId"), C<Guid>("CategoryRootId"),
            C<string>("CategoryName", max: 50), C<string>("Network", max: 32), C<string>("Description", max: 4000), C<double?>("Lon"), C<double?>("Lat"),
            C<string>("Address", max: 200, nullable: true), C<Guid?>("GridId"), C<string>("GridName", max: 100, nullable: true), C<bool>("OutsideGrid"),
            C<string>("ReporterKind", max: 32), C<string>("ReporterName", max: 50), C<string>("ReporterPhoneCipher", max: 400, nullable: true),
            C<string>("ReporterPhoneHash", max: 64, nullable: true), C<string>("ReporterPhoneMasked", max: 20, nullable: true), C<Guid?>("ReporterUserId"),
            C<string>("Status", max: 32), C<DateTime>("ReportedAt"), C<DateTime?>("AcceptedAt"), C<DateTime?>("DispatchedAt"), C<Guid?>("HandlingUnitId"),
            C<string>("HandlingUnitName", max: 100, nullable: true), C<DateTime?>("Deadline"), C<DateTime?>("HandledAt"), C<DateTime?>("ClosedAt"),
            C<int?>("Rating"), C<string>("RatingComment", max: 500, nullable: true), C<Guid?>("DuplicateOfId"), C<string>("StatusNote", max: 500, nullable: true),
            C<Guid?>("EscalatedOrgId"), C<DateTime?>("EscalatedAt"), C<int>("ReopenCount"), C<DateTime>("UpdatedAt"), C<Guid>("Version")],
            Fk("CategoryId", "grid_event_categories"));
        m.CreateIndex("IX_grid_events_Number", "grid_events", "Number", unique: true);
        m.CreateIndex("IX_grid_events_OrgPath_ReportedAt", "grid_events", ["OrgPath", "ReportedAt"]);
        m.CreateIndex("IX_grid_events_ReportedAt_Id", "grid_events", ["ReportedAt", "Id"]);
        m.CreateIndex("IX_grid_events_Status_OrgPath_ReportedAt", "grid_events", ["Status", "OrgPath", "ReportedAt"]);
        m.CreateIndex("IX_grid_events_Status_Deadline", "grid_events", ["Status", "Deadline"]);
        m.CreateIndex("IX_grid_events_ReporterUserId", "grid_events", "ReporterUserId");
        m.CreateIndex("IX_grid_events_ReporterPhoneHash", "grid_events", "ReporterPhoneHash");
        m.CreateIndex("IX_grid_events_GridId", "grid_events", "GridId");
        m.CreateIndex("IX_grid_events_CategoryId", "grid_events", "CategoryId");

        Table(m, "grid_event_steps", [
            C<Guid>("Id"), C<Guid>("EventId"), C<Guid>("OrgId"), Path(), C<string>("Action", max: 32), C<string>("FromStatus", max: 32, nullable: true),
            C<string>("ToStatus", max: 32), C<string>("ActorName", max: 100), C<Guid?>("ActorUserId"), C<DateTime>("At"),
            C<string>("Note", max: 1000, nullable: true), C<string>("Detail", max: 300, nullable: true)],
            Fk("EventId", "grid_events"));
        m.CreateIndex("IX_grid_event_steps_EventId_At", "grid_event_steps", ["EventId", "At"]);
        m.CreateIndex("IX_grid_event_steps_OrgPath", "grid_event_steps", "OrgPath");

        Table(m, "grid_photos", [
            C<Guid>("Id"), C<Guid>("OwnerId"), C<Guid?>("StepId"), C<Guid>("OrgId"), Path(), C<string>("FileName", max: 200),
            C<string>("ContentType", max: 50), C<long>("Size"), C<string>("Sha256", max: 64), C<DateTime>("CreatedAt")]);
        m.CreateIndex("IX_grid_photos_OwnerId", "grid_photos", "OwnerId");
        m.CreateIndex("IX_grid_photos_OrgPath", "grid_photos", "OrgPath");

        Table(m, "grid_mediation_cases", [
            C<Guid>("Id"), C<Guid>("OrgId"), Path(), C<Guid?>("EventId"), C<string>("Title", max: 100), C<string>("Parties", max: 1000),
            C<string>("Mediator", max: 50), C<string>("MediatorTeam", max: 100, nullable: true), C<DateOnly>("AcceptedOn"), C<string>("Outcome", max: 32),
            C<DateOnly?>("ConcludedOn"), C<string>("OutcomeNote", max: 500, nullable: true), C<DateTime>("CreatedAt"), C<Guid>("Version")]);
        m.CreateIndex("IX_grid_mediation_cases_OrgPath_AcceptedOn", "grid_mediation_cases", ["OrgPath", "AcceptedOn"]);

        Table(m, "grid_mediation_sessions", [
            C<Guid>("Id"), C<Guid>("CaseId"), C<DateOnly>("HeldOn"), C<string>("Place", max: 100, nullable: true), C<string>("Notes", max: 2000)],
            Fk("CaseId", "grid_mediation_cases"));
        m.CreateIndex("IX_grid_mediation_sessions_CaseId", "grid_mediation_sessions", "CaseId");

        Table(m, "grid_inspections", [
            C<Guid>("Id"), C<Guid>("GridId"), C<string>("GridName", max: 100), C<Guid>("OrgId"), Path(), C<string>("Kind", max: 32),
            C<DateOnly>("ScheduledOn"), C<DateOnly?>("DoneOn"), C<string>("Inspectors", max: 200), C<string>("Notes", max: 1000, nullable: true),
            C<DateTime>("CreatedAt")],
            Fk("GridId", "grid_grids"));
        m.CreateIndex("IX_grid_inspections_OrgPath_ScheduledOn", "grid_inspections", ["OrgPath", "ScheduledOn"]);
        m.CreateIndex("IX_grid_inspections_GridId", "grid_inspections", "GridId");

        Table(m, "grid_inspection_findings", [
            C<Guid>("Id"), C<Guid>("InspectionId"), C<string>("Description", max: 1000), C<Guid?>("PhotoId"), C<DateOnly>("Deadline"),
            C<string>("Status", max: 32), C<Guid?>("RecheckPhotoId"), C<string>("RecheckNote", max: 500, nullable: true), C<DateOnly?>("RecheckedOn"),
            C<int>("RecheckCount")],
            Fk("InspectionId", "grid_inspections"));
        m.CreateIndex("IX_grid_inspection_findings_InspectionId", "grid_inspection_findings", "InspectionId");

        Table(m, "grid_open311_clients", [
            C<Guid>("Id"), C<string>("Name", max: 100), C<string>("KeyHash", max: 64), C<string>("KeyPrefix", max: 12), C<Guid>("OrgId"), Path(),
            C<bool>("IsActive"), C<DateTime>("CreatedAt"), C<DateTime?>("RevokedAt")]);
        m.CreateIndex("IX_grid_open311_clients_KeyHash", "grid_open311_clients", "KeyHash", unique: true);
        m.CreateIndex("IX_grid_open311_clients_OrgPath", "grid_open311_clients", "OrgPath");

        m.CreateTable("grid_resident_codes", t => new
        {
            PhoneHash = t.Column<string>(maxLength: 64, nullable: false),
            CodeHash = t.Column<string>(maxLength: 64, nullable: false),
            SentAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            Day = t.Column<DateOnly>(nullable: false),
            SentToday = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_grid_resident_codes", x => x.PhoneHash));
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "grid_resident_codes", "grid_open311_clients", "grid_inspection_findings", "grid_inspections", "grid_mediation_sessions", "grid_mediation_cases", "grid_photos",
                     "grid_event_steps", "grid_events", "grid_handling_units", "grid_event_categories", "grid_staff", "grid_grids" })
            m.DropTable(table);
    }
}

/// <summary>Provider-neutral table building for the hand-written migrations: columns, restrict foreign keys, an Id key.</summary>
internal static class MigrationTables
{
    public static AddColumnOperation C<T>(string name, int? max = null, bool nullable = false, string? collation = null)
    {
        var type = typeof(T);
        var underlying = Nullable.GetUnderlyingType(type);
        return new() { Name = name, ClrType = underlying ?? type, IsNullable = nullable || underlying is not null, MaxLength = max, Collation = collation };
    }

    public static AddForeignKeyOperation Fk(string column, string principal) =>
        new() { Columns = [column], PrincipalTable = principal, PrincipalColumns = ["Id"], OnDelete = ReferentialAction.Restrict };

    public static void Table(MigrationBuilder m, string table, AddColumnOperation[] columns, params AddForeignKeyOperation[] foreignKeys)
    {
        var op = new CreateTableOperation { Name = table };
        foreach (var column in columns)
        {
            column.Table = table;
            op.Columns.Add(column);
        }
        op.PrimaryKey = new AddPrimaryKeyOperation { Name = $"PK_{table}", Table = table, Columns = ["Id"] };
        foreach (var fk in foreignKeys)
        {
            fk.Table = table;
            fk.Name = $"FK_{table}_{fk.PrincipalTable}_{fk.Columns[0]}";
            op.ForeignKeys.Add(fk);
        }
        m.Operations.Add(op);
    }
}

internal static class ProviderSql
{
    public static string Load(string name, string? provider)
    {
        var suffix = provider switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => "sqlite",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => "postgres",
            _ => throw new NotSupportedException($"No schema script for provider {provider}."),
        };
        var resource = $"Lianxin.Migrations.Sql.{name}.{suffix}.sql";
        using var stream = typeof(ProviderSql).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
