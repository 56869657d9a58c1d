using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using static Lianxin.Migrations.MigrationTables;

namespace Lianxin.Migrations;

/// <summary>Version 11: 社区工作者 — the roster, certificates, post and pay-grade changes, urban population per
/// community and year, the reserve pool, 竞聘上岗 and 书记备案.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000011_WorkforceRoster")]
public sealed class WorkforceRoster : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        AddColumnOperation Path() => C<string>("OrgPath", max: 400, collation: m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "C" : null);

        Table(m, "wf_workers", [
            C<Guid>("Id"), C<Guid>("PersonId"), C<string>("Name", max: 50), C<string>("Gender", max: 32), C<DateOnly>("BirthDate"),
            C<string>("Education", max: 32, nullable: true), C<string>("PoliticalStatus", max: 32), C<Guid>("OrgId"), Path(),
            C<string>("Post", max: 32), C<int>("PayPost"), C<int>("Level"), C<int>("Step"), C<DateOnly>("HireDate"), C<string>("Status", max: 32),
            C<DateOnly>("StatusSince"), C<string>("StatusNote", max: 200, nullable: true), C<bool>("IsDeleted"), C<string>("DeleteReason", max: 200, nullable: true),
            C<DateTime>("CreatedAt"), C<DateTime>("UpdatedAt"), C<Guid>("Version")],
            Fk("PersonId", "mem_people"), Fk("OrgId", "org_party_orgs"));
        m.CreateIndex("IX_wf_workers_PersonId", "wf_workers", "PersonId", unique: true, filter: "\"IsDeleted\" = FALSE");
        m.CreateIndex("IX_wf_workers_OrgPath_Status", "wf_workers", ["OrgPath", "Status"]);
        m.CreateIndex("IX_wf_workers_OrgId", "wf_workers", "OrgId");

        Table(m, "wf_certificates", [
            C<Guid>("Id"), C<Guid>("WorkerId"), C<string>("WorkerName", max: 50), C<string>("Level", max: 32), C<DateOnly>("CertifiedOn"),
            C<string>("Number", max: 50, nullable: true)],
            Fk("WorkerId", "wf_workers"));
        m.CreateIndex("IX_wf_certificates_WorkerId", "wf_certificates", "WorkerId");

        Table(m, "wf_post_changes", [
            C<Guid>("Id"), C<Guid>("WorkerId"), C<string>("WorkerName", max: 50), C<Guid>("OrgId"), Path(), C<DateOnly>("EffectiveOn"),
            C<string>("Kind", max: 32), C<string>("Post", max: 32), C<int>("PayPost"), C<int>("Level"), C<int>("Step"),
            C<string>("Note", max: 200, nullable: true), C<string>("CreatedBy", max: 100), C<DateTime>("CreatedAt")],
            Fk("WorkerId", "wf_workers"));
        m.CreateIndex("IX_wf_post_changes_WorkerId_EffectiveOn", "wf_post_changes", ["WorkerId", "EffectiveOn"]);
        m.CreateIndex("IX_wf_post_changes_OrgPath", "wf_post_changes", "OrgPath");

        Table(m, "wf_populations", [
            C<Guid>("Id"), C<Guid>("OrgId"), Path(), C<string>("OrgName", max: 100), C<int>("Year"), C<int>("UrbanResidents"), C<DateTime>("UpdatedAt")],
            Fk("OrgId", "org_party_orgs"));
        m.CreateIndex("IX_wf_populations_OrgId_Year", "wf_populations", ["OrgId", "Year"], unique: true);
        m.CreateIndex("IX_wf_populations_OrgPath_Year", "wf_populations", ["OrgPath", "Year"]);

        Table(m, "wf_reserve", [
            C<Guid>("Id"), C<Guid>("OrgId"), Path(), C<string>("Kind", max: 32), C<Guid?>("WorkerId"), C<string>("Name", max: 50), C<DateOnly>("AddedOn"),
            C<string>("Note", max: 200, nullable: true), C<string>("Status", max: 32), C<DateOnly?>("LeftOn"), C<string>("LeftReason", max: 200, nullable: true),
            C<DateTime>("CreatedAt")],
            Fk("OrgId", "org_party_orgs"), Fk("WorkerId", "wf_workers"));
        m.CreateIndex("IX_wf_reserve_OrgPath_Status", "wf_reserve", ["OrgPath", "Status"]);
        m.CreateIndex("IX_wf_reserve_WorkerId", "wf_reserve", "WorkerId");
        m.CreateIndex("IX_wf_reserve_OrgId", "wf_reserve", "OrgId");

        Table(m, "wf_competitions", [
            C<Guid>("Id"), C<Guid>("OrgId"), Path(), C<string>("Title", max: 100), C<string>("Post", max: 32), C<DateOnly>("HeldOn"),
            C<string>("Candidates", max: 1000), C<Guid>("AppointedWorkerId"), C<string>("AppointedName", max: 50), C<Guid>("PostChangeId"), C<DateTime>("CreatedAt")],
            Fk("AppointedWorkerId", "wf_workers"));
        m.CreateIndex("IX_wf_competitions_OrgPath_HeldOn", "wf_competitions", ["OrgPath", "HeldOn"]);
        m.CreateIndex("IX_wf_competitions_AppointedWorkerId", "wf_competitions", "AppointedWorkerId");

        Table(m, "wf_secretary_filings", [
            C<Guid>("Id"), C<Guid>("WorkerId"), C<string>("WorkerName", max: 50), C<Guid>("OrgId"), Path(), C<Guid>("FiledWithOrgId"), C<DateOnly>("FiledOn"),
            C<string>("DocumentNumber", max: 50, nullable: true), C<string>("Status", max: 32), C<DateOnly?>("DecidedOn"), C<string>("DecisionNote", max: 200, nullable: true),
            C<DateTime>("CreatedAt")],
            Fk("WorkerId", "wf_workers"));
        m.CreateIndex("IX_wf_secretary_filings_WorkerId", "wf_secretary_filings", "WorkerId");
        m.CreateIndex("IX_wf_secretary_filings_OrgPath_Status", "wf_secretary_filings", ["OrgPath", "Status"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "wf_secretary_filings", "wf_competitions", "wf_reserve", "wf_populations", "wf_post_changes", "wf_certificates", "wf_workers" }) m.DropTable(table);
    }
}
