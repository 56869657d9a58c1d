using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using static Lianxin.Migrations.MigrationTables;

namespace Lianxin.Migrations;

/// <summary>
/// Version 14: 社区工作者 — training classes with sessions, enrolments and attendance; assessments (考核) and the
/// effects of their rules (提前晋档, 解聘审查) with review; archive files (档案材料).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000014_WorkforceDevelopment")]
public sealed class WorkforceDevelopment : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        AddColumnOperation Path() => C<string>("OrgPath", max: 400, collation: m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "C" : null);

        Table(m, "wf_training_classes", [
            C<Guid>("Id"), C<Guid>("OrgId"), Path(), C<string>("Name", max: 100), C<string>("Kind", max: 32), C<DateOnly>("StartDate"), C<DateOnly>("EndDate"),
            C<decimal>("Hours"), C<string>("Organizer", max: 100), C<int>("CompletionPercent"), C<string>("CreatedBy", max: 100), C<DateTime>("CreatedAt"),
            C<DateTime>("UpdatedAt"), C<Guid>("Version")],
            Fk("OrgId", "org_party_orgs"));
        m.CreateIndex("IX_wf_training_classes_OrgPath_StartDate", "wf_training_classes", ["OrgPath", "StartDate"]);
        m.CreateIndex("IX_wf_training_classes_OrgId", "wf_training_classes", "OrgId");

        Table(m, "wf_training_sessions", [
            C<Guid>("Id"), C<Guid>("ClassId"), C<Guid>("OrgId"), Path(), C<DateOnly>("Date"), C<string>("Topic", max: 200), C<decimal>("Hours")],
            Fk("ClassId", "wf_training_classes"));
        m.CreateIndex("IX_wf_training_sessions_ClassId_Date", "wf_training_sessions", ["ClassId", "Date"]);

        Table(m, "wf_training_enrolments", [
            C<Guid>("Id"), C<Guid>("ClassId"), C<Guid>("WorkerId"), C<string>("WorkerName", max: 50), C<Guid>("OrgId"), Path(), C<int>("Attended"),
            C<bool>("Completed"), C<DateOnly?>("CompletedOn"), C<DateTime>("CreatedAt")],
            Fk("ClassId", "wf_training_classes"), Fk("WorkerId", "wf_workers"));
        m.CreateIndex("IX_wf_training_enrolments_ClassId_WorkerId", "wf_training_enrolments", ["ClassId", "WorkerId"], unique: true);
        m.CreateIndex("IX_wf_training_enrolments_WorkerId_CompletedOn", "wf_training_enrolments", ["WorkerId", "CompletedOn"]);

        Table(m, "wf_training_attendance", [
            C<Guid>("Id"), C<Guid>("ClassId"), C<Guid>("SessionId"), C<Guid>("WorkerId"), C<string>("WorkerName", max: 50), C<Guid>("OrgId"), Path()],
            Fk("SessionId", "wf_training_sessions"));
        m.CreateIndex("IX_wf_training_attendance_SessionId_WorkerId", "wf_training_attendance", ["SessionId", "WorkerId"], unique: true);
        m.CreateIndex("IX_wf_training_attendance_ClassId_WorkerId", "wf_training_attendance", ["ClassId", "WorkerId"]);

        Table(m, "wf_assessments", [
            C<Guid>("Id"), C<Guid>("WorkerId"), C<string>("WorkerName", max: 50), C<Guid>("OrgId"), Path(), C<string>("Kind", max: 32),
            C<string>("Period", max: 20), C<int>("Year"), C<decimal?>("OrgRating"), C<decimal?>("ResidentRating"), C<decimal>("OrgWeight"),
            C<decimal?>("Combined"), C<string>("Grade", max: 32), C<bool>("GradeSetDirectly"), C<string>("Note", max: 500, nullable: true),
            C<string>("CreatedBy", max: 100), C<DateTime>("CreatedAt"), C<DateTime>("UpdatedAt"), C<Guid>("Version")],
            Fk("WorkerId", "wf_workers"));
        m.CreateIndex("IX_wf_assessments_WorkerId_Period", "wf_assessments", ["WorkerId", "Period"], unique: true);
        m.CreateIndex("IX_wf_assessments_OrgPath_Period", "wf_assessments", ["OrgPath", "Period"]);

        Table(m, "wf_effects", [
            C<Guid>("Id"), C<string>("Key", max: 100), C<Guid>("WorkerId"), C<string>("WorkerName", max: 50), C<Guid>("OrgId"), Path(),
            C<string>("Kind", max: 32), C<Guid>("AssessmentId"), C<string>("Period", max: 20), C<string>("Reason", max: 500), C<DateOnly?>("EffectiveOn"),
            C<DateOnly?>("RegularOn"), C<int?>("NewStep"), C<string>("Status", max: 32), C<string>("CreatedBy", max: 100), C<DateTime>("CreatedAt"),
            C<string>("ReviewedBy", max: 100, nullable: true), C<DateTime?>("ReviewedAt"), C<string>("ReviewNote", max: 500, nullable: true),
            C<string>("AppliedBy", max: 100, nullable: true), C<DateTime?>("AppliedAt"), C<Guid?>("PostChangeId"), C<Guid>("Version")],
            Fk("WorkerId", "wf_workers"), Fk("AssessmentId", "wf_assessments"));
        m.CreateIndex("IX_wf_effects_Key", "wf_effects", "Key", unique: true);
        m.CreateIndex("IX_wf_effects_OrgPath_Status", "wf_effects", ["OrgPath", "Status"]);
        m.CreateIndex("IX_wf_effects_WorkerId", "wf_effects", "WorkerId");
        m.CreateIndex("IX_wf_effects_AssessmentId", "wf_effects", "AssessmentId");

        Table(m, "wf_archive_files", [
            C<Guid>("Id"), C<Guid>("WorkerId"), C<string>("WorkerName", max: 50), C<Guid>("OrgId"), Path(), C<string>("Category", max: 20),
            C<string>("FileName", max: 200), C<string>("ContentType", max: 100), C<long>("Size"), C<string>("Sha256", max: 64),
            C<string>("CreatedBy", max: 100), C<DateTime>("CreatedAt"), C<bool>("IsDeleted"), C<string>("DeleteReason", max: 200, nullable: true),
            C<DateTime?>("DeletedAt")],
            Fk("WorkerId", "wf_workers"));
        m.CreateIndex("IX_wf_archive_files_WorkerId_Category", "wf_archive_files", ["WorkerId", "Category"]);
        m.CreateIndex("IX_wf_archive_files_OrgPath", "wf_archive_files", "OrgPath");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "wf_archive_files", "wf_effects", "wf_assessments", "wf_training_attendance", "wf_training_enrolments",
                     "wf_training_sessions", "wf_training_classes" })
            m.DropTable(table);
    }
}
