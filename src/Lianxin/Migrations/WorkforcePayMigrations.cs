using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using static Lianxin.Migrations.MigrationTables;

namespace Lianxin.Migrations;

/// <summary>Version 12: 社区工作者 — salary scheme versions (薪酬体系), their cells (岗 × 级 × 档) and allowances.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000012_WorkforcePay")]
public sealed class WorkforcePay : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        AddColumnOperation Path() => C<string>("OrgPath", max: 400, collation: m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "C" : null);
        static AddColumnOperation Money(string name)
        {
            var c = C<decimal>(name);
            c.Precision = 18;
            c.Scale = 2;
            return c;
        }

        Table(m, "wf_salary_schemes", [
            C<Guid>("Id"), C<string>("Name", max: 100), C<Guid>("OrgId"), Path(), C<DateOnly>("EffectiveFrom"), C<string>("PostNamesText", max: 1000),
            C<int>("Levels"), C<int>("Steps"), Money("AssistantAllowance"), Money("SocialAllowance"), Money("SeniorAllowance"), Money("SeniorityPerYear"),
            C<string>("Note", max: 500, nullable: true), C<bool>("Published"), C<DateTime>("PublishedAt", nullable: true),
            C<string>("PublishedBy", max: 100, nullable: true), C<bool>("IsDeleted"), C<DateTime>("CreatedAt"), C<DateTime>("UpdatedAt"), C<Guid>("Version")],
            Fk("OrgId", "org_party_orgs"));
        m.CreateIndex("IX_wf_salary_schemes_OrgPath_EffectiveFrom", "wf_salary_schemes", ["OrgPath", "EffectiveFrom"]);
        m.CreateIndex("IX_wf_salary_schemes_OrgId", "wf_salary_schemes", "OrgId");

        Table(m, "wf_salary_cells", [
            C<Guid>("Id"), C<Guid>("SchemeId"), C<int>("PayPost"), C<int>("Level"), C<int>("Step"), Money("Amount")],
            Fk("SchemeId", "wf_salary_schemes"));
        m.CreateIndex("IX_wf_salary_cells_SchemeId_PayPost_Level_Step", "wf_salary_cells", ["SchemeId", "PayPost", "Level", "Step"], unique: true);

        Table(m, "wf_salary_allowances", [
            C<Guid>("Id"), C<Guid>("SchemeId"), C<int>("Order"), C<string>("Name", max: 50), Money("Amount"), C<string>("PostsText", max: 200, nullable: true)],
            Fk("SchemeId", "wf_salary_schemes"));
        m.CreateIndex("IX_wf_salary_allowances_SchemeId", "wf_salary_allowances", "SchemeId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "wf_salary_allowances", "wf_salary_cells", "wf_salary_schemes" }) m.DropTable(table);
    }
}
