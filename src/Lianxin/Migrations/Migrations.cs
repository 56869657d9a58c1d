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

/// <summary>Version 2: tags on people (标签化管理), provider-neutral operations.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000002_PersonTags")]
public sealed class PersonTags : Migration
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
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("mem_person_tags");
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
