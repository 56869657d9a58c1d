using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using static Lianxin.Migrations.MigrationTables;

namespace Lianxin.Migrations;

/// <summary>Version 13: 社区工作者 — 选聘: announcements, their positions, applications with 联审 and scores.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000013_WorkforceRecruitment")]
public sealed class WorkforceRecruitment : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        AddColumnOperation Path() => C<string>("OrgPath", max: 400, collation: m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "C" : null);
        static AddColumnOperation D(string name, int precision, int scale, bool nullable = false)
        {
            var c = C<decimal>(name, nullable: nullable);
            c.Precision = precision;
            c.Scale = scale;
            return c;
        }

        Table(m, "wf_rec_announcements", [
            C<Guid>("Id"), C<Guid>("OrgId"), Path(), C<string>("Title", max: 100), C<DateOnly>("ApplyFrom"), C<DateOnly>("ApplyTo"),
            C<string>("Conditions", max: 8000), C<string>("Disqualifications", max: 8000), C<string>("ReviewDepartments", max: 1000),
            D("WrittenWeight", 4, 3), D("InterviewWeight", 4, 3), C<int>("PublicityDays"), C<bool>("PublicityWorkingDays"), C<string>("Status", max: 32),
            C<DateOnly?>("PublicityFrom"), C<DateOnly?>("PublicityTo"), C<string>("Note", max: 1000, nullable: true),
            C<DateTime>("CreatedAt"), C<DateTime>("UpdatedAt"), C<Guid>("Version")],
            Fk("OrgId", "org_party_orgs"));
        m.CreateIndex("IX_wf_rec_announcements_OrgPath_ApplyFrom", "wf_rec_announcements", ["OrgPath", "ApplyFrom"]);
        m.CreateIndex("IX_wf_rec_announcements_OrgId", "wf_rec_announcements", "OrgId");

        Table(m, "wf_rec_positions", [
            C<Guid>("Id"), C<Guid>("AnnouncementId"), C<string>("Name", max: 50), C<string>("Post", max: 32), C<Guid>("CommunityId"),
            C<string>("CommunityName", max: 100), C<int>("Places"), C<int>("PayPost"), C<int>("Level"), C<int>("Step"), C<int>("SortOrder")],
            Fk("AnnouncementId", "wf_rec_announcements"), Fk("CommunityId", "org_party_orgs"));
        ((CreateTableOperation)m.Operations[^1]).ForeignKeys[0].OnDelete = ReferentialAction.Cascade;
        m.CreateIndex("IX_wf_rec_positions_AnnouncementId", "wf_rec_positions", "AnnouncementId");
        m.CreateIndex("IX_wf_rec_positions_CommunityId", "wf_rec_positions", "CommunityId");

        Table(m, "wf_rec_applications", [
            C<Guid>("Id"), C<Guid>("AnnouncementId"), C<Guid>("PositionId"), C<Guid>("OrgId"), Path(), C<string>("Name", max: 50),
            C<string>("Gender", max: 32), C<DateOnly>("BirthDate"), C<string>("IdNumberCipher", max: 200), C<string>("IdNumberHash", max: 64),
            C<string>("IdNumberMasked", max: 30), C<string>("PhoneCipher", max: 200, nullable: true), C<string>("PhoneMasked", max: 20, nullable: true),
            C<string>("Education", max: 32, nullable: true), C<string>("PoliticalStatus", max: 32), C<string>("ResidenceCode", max: 12, nullable: true),
            C<string>("Address", max: 200, nullable: true), C<string>("Source", max: 32), C<string>("Review", max: 32), C<string>("Opinions", max: 4000),
            C<string>("ReviewReason", max: 200, nullable: true), C<DateOnly?>("ReviewedOn"), C<string>("ReviewedBy", max: 100, nullable: true),
            D("WrittenScore", 4, 1, nullable: true), D("InterviewScore", 4, 1, nullable: true), C<bool>("Proposed"), C<Guid?>("HiredWorkerId"),
            C<DateOnly?>("HiredOn"), C<DateTime>("CreatedAt"), C<DateTime>("UpdatedAt"), C<Guid>("Version")],
            Fk("AnnouncementId", "wf_rec_announcements"), Fk("PositionId", "wf_rec_positions"), Fk("HiredWorkerId", "wf_workers"));
        m.CreateIndex("IX_wf_rec_applications_AnnouncementId_IdNumberHash", "wf_rec_applications", ["AnnouncementId", "IdNumberHash"], unique: true);
        m.CreateIndex("IX_wf_rec_applications_AnnouncementId_PositionId", "wf_rec_applications", ["AnnouncementId", "PositionId"]);
        m.CreateIndex("IX_wf_rec_applications_OrgPath", "wf_rec_applications", "OrgPath");
        m.CreateIndex("IX_wf_rec_applications_PositionId", "wf_rec_applications", "PositionId");
        m.CreateIndex("IX_wf_rec_applications_HiredWorkerId", "wf_rec_applications", "HiredWorkerId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "wf_rec_applications", "wf_rec_positions", "wf_rec_announcements" }) m.DropTable(table);
    }
}
