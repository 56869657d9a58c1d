using System.Data.Common;
using Lianxin.ApiTests.Infrastructure;
using Lianxin.Modules.Members.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lianxin.ApiTests.Platform;

public sealed class MigrationTests : ApiTestBase
{
    private const string Version1 = "20261122000001_Initial";

    private sealed class SystemActor : ICurrentUser
    {
        public Guid? UserId => null;
        public string UserName => "测试";
        public string? Ip => null;
    }

    private static AppDbContext Context(string database)
    {
        var target = DatabaseTarget.Parse(database, TestDatabases.DataDirectory);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        target.Configure(options);
        var scope = new OrgScope();
        scope.Unrestricted();
        return new AppDbContext(options.Options, scope, new SystemActor(), TimeProvider.System);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Applying_every_migration_builds_exactly_the_models_schema(Provider provider)
    {
        await using var migrated = Context(await TestDatabases.NewEmptyDatabaseAsync(provider));
        await migrated.Database.MigrateAsync();
        await using var created = Context(await TestDatabases.NewEmptyDatabaseAsync(provider));
        await created.Database.ExecuteSqlRawAsync(created.Database.GenerateCreateScript());

        var expected = await SchemaDump(created, provider);
        var actual = await SchemaDump(migrated, provider);
        Assert.True(expected.Count > 50, "the schema dump is implausibly small");
        Assert.Equal(expected, actual);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_drift_check_notices_a_missing_migration(Provider provider)
    {
        await using var partly = Context(await TestDatabases.NewEmptyDatabaseAsync(provider));
        await partly.GetService<IMigrator>().MigrateAsync(Version1);
        await using var created = Context(await TestDatabases.NewEmptyDatabaseAsync(provider));
        await created.Database.ExecuteSqlRawAsync(created.Database.GenerateCreateScript());
        var missing = (await SchemaDump(created, provider)).Except(await SchemaDump(partly, provider)).ToList();
        Assert.Contains(missing, line => line.Contains("mem_person_tags", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_version_1_database_with_data_upgrades_without_losing_anything(Provider provider)
    {
        var database = await TestDatabases.NewEmptyDatabaseAsync(provider);
        var orgId = Guid.NewGuid();
        var personId = Guid.NewGuid();
        var memberId = Guid.NewGuid();
        await using (var v1 = Context(database))
        {
            await v1.GetService<IMigrator>().MigrateAsync(Version1);
            Assert.Equal([Version1], await v1.Database.GetAppliedMigrationsAsync());
            // Rows written as version 1 wrote them (raw SQL: the current model knows nothing of version 1).
            await v1.Database.ExecuteSqlRawAsync(
                "INSERT INTO org_party_orgs (\"Id\", \"ParentId\", \"Name\", \"Kind\", \"Code\", \"RegionId\", \"SecretaryName\", \"Segment\", \"Path\", \"Depth\", \"Status\", \"CreatedAt\", \"UpdatedAt\", \"ClosedAt\", \"CloseReason\") " +
                "VALUES ({0}, NULL, '中共某县委员会', 'PartyCommittee', NULL, NULL, '王书记', 'aaaaaaaaaa', '/aaaaaaaaaa/', 0, 'Active', {1}, {1}, NULL, NULL)",
                orgId, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            await v1.Database.ExecuteSqlRawAsync(
                "INSERT INTO mem_people (\"Id\", \"Name\", \"Gender\", \"BirthDate\", \"IdNumberCipher\", \"IdNumberHash\", \"IdNumberMasked\", \"PhoneCipher\", \"PhoneHash\", \"PhoneMasked\", \"Address\", \"Education\", \"Ethnicity\", \"OrgId\", \"OrgPath\", \"RegionId\", \"IsDeleted\", \"DeletedAt\", \"DeleteReason\", \"CreatedAt\", \"UpdatedAt\") " +
                "VALUES ({0}, '李老党员', 'Male', {1}, 'aesgcm:k1:xxxx', '0123456789abcdef0123456789abcdef', '370830********0011', NULL, NULL, NULL, '老城区1号', 'Bachelor', '汉族', {2}, '/aaaaaaaaaa/', NULL, FALSE, NULL, NULL, {3}, {3})",
                personId, new DateOnly(1950, 3, 1), orgId, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            await v1.Database.ExecuteSqlRawAsync(
                "INSERT INTO mem_members (\"Id\", \"PersonId\", \"Name\", \"OrgId\", \"OrgPath\", \"JoinedOn\", \"FullMemberOn\", \"Status\", \"Category\", \"IsDeleted\", \"DeletedAt\", \"DeleteReason\", \"CreatedAt\", \"UpdatedAt\") " +
                "VALUES ({0}, {1}, '李老党员', {2}, '/aaaaaaaaaa/', {3}, {4}, 'Full', 'RetiredCadre', FALSE, NULL, NULL, {5}, {5})",
                memberId, personId, orgId, new DateOnly(1975, 7, 1), new DateOnly(1976, 7, 1), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        await using (var latest = Context(database))
        {
            await latest.Database.MigrateAsync();
            Assert.Equal(2, await Lianxin.Modules.Members.Data.NameKeyBackfill.RunAsync(latest, rekey: false)); // the data step after version 5
            Assert.Empty(await latest.Database.GetPendingMigrationsAsync());
            var member = await latest.Members.Include(m => m.Person).SingleAsync();
            Assert.Equal(memberId, member.Id);
            Assert.Equal("李老党员", member.Person.Name);
            Assert.Equal(new DateOnly(1975, 7, 1), member.JoinedOn);
            Assert.Equal(MemberCategory.RetiredCadre, member.Category);
            Assert.Equal("370830********0011", member.Person.IdNumberMasked);
            Assert.Equal(NameOrder.Key("李老党员"), member.NameKey);
            Assert.Equal(member.NameKey, member.Person.NameKey);
            var org = await latest.PartyOrgs.SingleAsync();
            Assert.Equal("王书记", org.SecretaryName);
            Assert.Equal(1, org.MemberCount); // back-filled by version 4
            // The new version's feature works on the old rows.
            member.Person.SetTags(["老党员"]);
            await latest.SaveChangesAsync();
        }
        await using var check = Context(database);
        Assert.Equal("老党员", (await check.PersonTags.SingleAsync(t => t.PersonId == personId)).Tag);
    }

    /// <summary>Tables, columns (type, nullability, length, collation), indexes and foreign keys, one line each, sorted.</summary>
    private static async Task<List<string>> SchemaDump(AppDbContext db, Provider provider)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var lines = provider == Provider.Sqlite
            ? await Query(conn, """
                SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' pk=' || p.pk
                  FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('sys_schema_history', '__EFMigrationsLock')
                UNION ALL
                SELECT 'index ' || m.tbl_name || ' ' || COALESCE(m.sql, m.name) FROM sqlite_master m
                  WHERE m.type = 'index' AND m.tbl_name NOT IN ('sys_schema_history', '__EFMigrationsLock')
                UNION ALL
                SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
                  FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name <> '__EFMigrationsLock'
                """)
            : await Query(conn, """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || COALESCE(character_maximum_length::text, '') || ' nullable=' || is_nullable || ' collation=' || COALESCE(collation_name, '')
                  FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'sys_schema_history'
                UNION ALL
                SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'sys_schema_history'
                UNION ALL
                SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                  FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'sys_schema_history'
                """);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> Query(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }
}
