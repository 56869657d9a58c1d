using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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
