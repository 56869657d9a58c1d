using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Lianxin.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.ApiTests.Modules;

/// <summary>社区工作者 — 教育培训, 考核评议 with the effects of its rules, 档案管理.</summary>
public sealed class WorkforceDevelopmentTests : ApiTestBase
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Guid> Hire(Api api, WorkerBuilder b) =>
        (await Api.Read<JsonElement>(await api.PostAsync("/api/v1/workforce/workers", b.Build()))).GetProperty("worker").GetProperty("id").GetGuid();

    private static async Task<JsonElement> Assess(Api api, Guid worker, string kind, string period, decimal? org, decimal? residents, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var resp = await api.PostAsync("/api/v1/workforce/assessments", new { workerId = worker, kind, period, orgRating = org, residentRating = residents });
        Assert.True(resp.StatusCode == expected, $"{(int)resp.StatusCode}: {await resp.Content.ReadAsStringAsync()}");
        return await Api.Read<JsonElement>(resp);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_excellent_year_proposes_an_early_step_once_which_after_approval_is_applied_once_to_the_post_history(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.SignInAsync("staff");
        var admin = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var id = await Hire(staff, new WorkerBuilder(branch.Id));   // hired 2022-03-01 at step 1
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/workforce/workers/{id}/post-changes",
            new { effectiveOn = "2024-03-01", kind = "StepAdvance", post = "GridWorker", payPost = 5, level = 1, step = 2, note = "正常晋档" })).StatusCode);

        // 90 × 0.7 + 90 × 0.3 = 90.00: exactly the threshold is 优秀. The next regular step (2024-03-01 + 2 years) comes six months early.
        var saved = await Assess(staff, id, "Annual", "2025", 90m, 90m);
        var a = saved.GetProperty("assessment");
        Assert.Equal(90.00m, a.GetProperty("combined").GetDecimal());
        Assert.Equal("优秀", a.GetProperty("gradeLabel").GetString());
        var proposal = Assert.Single(saved.GetProperty("proposed").EnumerateArray());
        Assert.Equal("EarlyStepAdvance", proposal.GetProperty("kind").GetString());
        Assert.Equal("2025-09-01", proposal.GetProperty("effectiveOn").GetString());
        Assert.Equal("2026-03-01", proposal.GetProperty("regularOn").GetString());
        Assert.Equal(3, proposal.GetProperty("newStep").GetInt32());
        Assert.Equal("待审核", proposal.GetProperty("statusLabel").GetString());
        var effectId = proposal.GetProperty("id").GetGuid();

        // Saving the same assessment again (or a second time 优秀) proposes nothing new; a second entry for the period is refused.
        var again = await Api.Read<JsonElement>(await staff.PutAsync($"/api/v1/workforce/assessments/{a.GetProperty("id").GetGuid()}",
            new { orgRating = 95m, residentRating = 92m, version = a.GetProperty("version").GetGuid() }));
        Assert.Empty(again.GetProperty("proposed").EnumerateArray());
        Assert.Equal(94.10m, again.GetProperty("assessment").GetProperty("combined").GetDecimal());
        await Api.Problem(await staff.PostAsync("/api/v1/workforce/assessments", new { workerId = id, kind = "Annual", period = "2025", orgRating = 80, residentRating = 80 }),
            HttpStatusCode.Conflict);
        Assert.Equal(1, await app.Db(db => db.WorkforceEffects.CountAsync(e => e.WorkerId == id)));

        // 89.99 is 合格 and proposes nothing.
        var other = await Hire(staff, new WorkerBuilder(branch.Id));
        var below = await Assess(staff, other, "Annual", "2025", 89.99m, 89.99m);
        Assert.Equal("合格", below.GetProperty("assessment").GetProperty("gradeLabel").GetString());
        Assert.Empty(below.GetProperty("proposed").EnumerateArray());

        // Only a manager reviews; nothing is applied before approval; approval and application are recorded with who and when.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/v1/workforce/effects/{effectId}/approve", new { })).StatusCode);
        var p = await Api.Problem(await admin.PostAsync($"/api/v1/workforce/effects/{effectId}/apply", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("审核通过", Api.FieldErrors(p, "status")[0]);
        var approved = await Api.Read<JsonElement>(await admin.PostAsync($"/api/v1/workforce/effects/{effectId}/approve", new { note = "同意" }));
        Assert.Equal("已通过", approved.GetProperty("statusLabel").GetString());
        Assert.Equal("orgadmin", approved.GetProperty("reviewedBy").GetString());
        var applied = await Api.Read<JsonElement>(await admin.PostAsync($"/api/v1/workforce/effects/{effectId}/apply", new { }));
        Assert.Equal("已执行", applied.GetProperty("statusLabel").GetString());
        Assert.Equal("orgadmin", applied.GetProperty("appliedBy").GetString());

        var worker = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{id}");
        Assert.Equal(3, worker.GetProperty("worker").GetProperty("step").GetInt32());
        var step = worker.GetProperty("postHistory").EnumerateArray().First();
        Assert.Equal("StepAdvance", step.GetProperty("kind").GetString());
        Assert.Equal("2025-09-01", step.GetProperty("effectiveOn").GetString());
        Assert.Equal(3, step.GetProperty("step").GetInt32());
        Assert.Equal("年度考核优秀提前晋档", step.GetProperty("note").GetString());

        // Never twice.
        p = await Api.Problem(await admin.PostAsync($"/api/v1/workforce/effects/{effectId}/apply", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("不能重复执行", Api.FieldErrors(p, "status")[0]);
        Assert.Equal(3, await app.Db(db => db.WorkerPostChanges.CountAsync(c => c.WorkerId == id)));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(x => x.EntityType == "考核结果运用" && x.UserName == "orgadmin")));

        // The profile shows the assessment and the applied effect.
        var dev = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{id}/development");
        Assert.Single(dev.GetProperty("assessments").EnumerateArray());
        Assert.Equal("已执行", dev.GetProperty("effects")[0].GetProperty("statusLabel").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_consecutive_failed_years_open_a_dismissal_review_that_dismisses_only_when_applied(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.SignInAsync("staff");
        var admin = await app.SignInAsync("orgadmin");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var kept = await Hire(staff, new WorkerBuilder(branch.Id));
        var dismissed = await Hire(staff, new WorkerBuilder(branch.Id));

        // Routine assessments at the boundaries; a failed routine assessment has no consequence.
        Assert.Equal("基本合格", (await Assess(staff, kept, "Routine", "2026Q1", 60m, 60m)).GetProperty("assessment").GetProperty("gradeLabel").GetString());
        Assert.Equal("不合格", (await Assess(staff, kept, "Routine", "2026Q2", 59.99m, 59.99m)).GetProperty("assessment").GetProperty("gradeLabel").GetString());
        Assert.Equal("合格", (await Assess(staff, kept, "Routine", "2026Q3", 70m, 70m)).GetProperty("assessment").GetProperty("gradeLabel").GetString());
        Assert.Equal("基本合格", (await Assess(staff, kept, "Routine", "2026-10", 69.99m, 69.99m)).GetProperty("assessment").GetProperty("gradeLabel").GetString());
        var p = await Api.Problem(await staff.PostAsync("/api/v1/workforce/assessments", new { workerId = kept, kind = "Routine", period = "2026Q5", orgRating = 101 }),
            HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "period"));
        Assert.NotEmpty(Api.FieldErrors(p, "orgRating"));
        Assert.NotEmpty(Api.FieldErrors(p, "residentRating"));
        p = await Api.Problem(await staff.PostAsync("/api/v1/workforce/assessments", new { workerId = kept, kind = "Annual", period = "2023", grade = "Fail" }),
            HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "note"));   // a grade set directly needs its grounds

        // One failed year: nothing. Two in a row: a 解聘审查 case, the worker still employed.
        Assert.Empty((await Assess(staff, kept, "Annual", "2024", 50m, 50m)).GetProperty("proposed").EnumerateArray());
        var second = await Assess(staff, kept, "Annual", "2025", 55m, 58m);
        var review = Assert.Single(second.GetProperty("proposed").EnumerateArray());
        Assert.Equal("解聘审查", review.GetProperty("kindLabel").GetString());
        var a2025 = second.GetProperty("assessment");
        var resaved = await Api.Read<JsonElement>(await staff.PutAsync($"/api/v1/workforce/assessments/{a2025.GetProperty("id").GetGuid()}",
            new { orgRating = 50m, residentRating = 50m, version = a2025.GetProperty("version").GetGuid() }));
        Assert.Empty(resaved.GetProperty("proposed").EnumerateArray());
        Assert.Equal(1, await app.Db(db => db.WorkforceEffects.CountAsync(e => e.WorkerId == kept)));
        Assert.Equal("在岗", (await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{kept}")).GetProperty("worker").GetProperty("statusLabel").GetString());

        // Rejected (with a reason) the case stays on record and the worker stays employed.
        var reviewId = review.GetProperty("id").GetGuid();
        p = await Api.Problem(await admin.PostAsync($"/api/v1/workforce/effects/{reviewId}/reject", new { }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "note"));
        var rejected = await Api.Read<JsonElement>(await admin.PostAsync($"/api/v1/workforce/effects/{reviewId}/reject", new { note = "经核实系病假影响，不予解聘" }));
        Assert.Equal("已驳回", rejected.GetProperty("statusLabel").GetString());
        Assert.Equal("经核实系病假影响，不予解聘", rejected.GetProperty("reviewNote").GetString());
        await Api.Problem(await admin.PostAsync($"/api/v1/workforce/effects/{reviewId}/apply", new { }), HttpStatusCode.BadRequest);
        Assert.Equal("在岗", (await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{kept}")).GetProperty("worker").GetProperty("statusLabel").GetString());

        // Approved and applied: dismissed, with the reason.
        await Assess(staff, dismissed, "Annual", "2024", 40m, 40m);
        var caseId = Assert.Single((await Assess(staff, dismissed, "Annual", "2025", 40m, 40m)).GetProperty("proposed").EnumerateArray()).GetProperty("id").GetGuid();
        var inbox = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/effects?orgId={branch.Id}&status=Pending");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == caseId);
        await admin.PostAsync($"/api/v1/workforce/effects/{caseId}/approve", new { });
        Assert.Equal("在岗", (await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{dismissed}")).GetProperty("worker").GetProperty("statusLabel").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/workforce/effects/{caseId}/apply", new { })).StatusCode);
        var gone = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{dismissed}");
        Assert.Equal("解聘", gone.GetProperty("worker").GetProperty("statusLabel").GetString());
        Assert.Contains("连续2年考核不合格", gone.GetProperty("statusNote").GetString());

        // The entry sheet of a year lists the workers with their grades.
        var sheet = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/assessment-sheet?orgId={branch.Id}&kind=Annual&period=2025");
        Assert.Equal(2, sheet.GetProperty("entered").GetInt32());
        Assert.Equal(2, sheet.GetProperty("grades").EnumerateArray().Single(g => g.GetProperty("grade").GetString() == "Fail").GetProperty("count").GetInt32());
    }

    private static byte[] Docx()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<?xml version=\"1.0\"?><x/>");
            }
        }
        return ms.ToArray();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Archive_files_are_checked_by_their_bytes_and_completeness_counts_categories_with_a_file(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.SignInAsync("staff");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var a = await Hire(staff, new WorkerBuilder(branch.Id));
        var b = await Hire(staff, new WorkerBuilder(branch.Id));
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

        var up = await staff.UploadAsync($"/api/v1/workforce/workers/{a}/archive/files?category=身份信息", pdf, "身份证复印件.pdf");
        Assert.Equal(HttpStatusCode.Created, up.StatusCode);
        var file = await Api.Read<JsonElement>(up);
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        var docx = await Api.Read<JsonElement>(await staff.UploadAsync($"/api/v1/workforce/workers/{a}/archive/files?category=聘用合同", Docx(), "合同.docx"));
        Assert.Equal(".docx", Path.GetExtension(docx.GetProperty("fileName").GetString()));

        // An executable (even named .pdf), an oversized file and an unknown category are refused; nothing is stored.
        var before = await app.Db(db => db.ArchiveFiles.CountAsync());
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 };
        var p = await Api.Problem(await staff.UploadAsync($"/api/v1/workforce/workers/{a}/archive/files?category=身份信息", exe, "scan.pdf"), HttpStatusCode.BadRequest);
        Assert.Contains("按文件内容识别", Api.FieldErrors(p, "file")[0]);
        var big = new byte[10 * 1024 * 1024 + 1];
        pdf.CopyTo(big, 0);
        p = await Api.Problem(await staff.UploadAsync($"/api/v1/workforce/workers/{a}/archive/files?category=身份信息", big, "big.pdf"), HttpStatusCode.BadRequest);
        Assert.Contains("10 MB", Api.FieldErrors(p, "file")[0]);
        p = await Api.Problem(await staff.UploadAsync($"/api/v1/workforce/workers/{a}/archive/files?category=其他", pdf, "x.pdf"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "category"));
        Assert.Equal(before, await app.Db(db => db.ArchiveFiles.CountAsync()));

        // Downloaded as stored.
        var download = await staff.GetAsync($"/api/v1/workforce/archive-files/{file.GetProperty("id").GetGuid()}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // Worker a: 2 of 8 categories; b: every category.
        var categories = (await staff.GetJsonAsync<JsonElement>("/api/v1/workforce/archive-settings")).GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(8, categories.Count);
        foreach (var c in categories)
            Assert.Equal(HttpStatusCode.Created, (await staff.UploadAsync($"/api/v1/workforce/workers/{b}/archive/files?category={Uri.EscapeDataString(c)}", pdf, c + ".pdf")).StatusCode);
        var archive = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{a}/archive");
        Assert.Equal(2, archive.GetProperty("present").GetInt32());
        Assert.Equal(25.00m, archive.GetProperty("percent").GetDecimal());
        Assert.Equal(6, archive.GetProperty("missing").GetArrayLength());

        var report = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/archive-completeness?orgId={branch.Id}");
        Assert.Equal(2, report.GetProperty("workers").GetInt32());
        Assert.Equal(1, report.GetProperty("complete").GetInt32());
        Assert.Equal(50.00m, report.GetProperty("completePercent").GetDecimal());
        Assert.Equal(62.50m, report.GetProperty("averagePercent").GetDecimal());   // (2 + 8) / 16
        var incomplete = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/archive-completeness?orgId={branch.Id}&incomplete=true");
        Assert.Equal(a, Assert.Single(incomplete.GetProperty("rows").GetProperty("items").EnumerateArray()).GetProperty("workerId").GetGuid());

        // A deletion needs a reason; afterwards b lacks that category.
        var bFile = (await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{b}/archive")).GetProperty("categories")[0].GetProperty("files")[0].GetProperty("id").GetGuid();
        p = await Api.Problem(await staff.DeleteAsync($"/api/v1/workforce/archive-files/{bFile}"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "reason"));
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/v1/workforce/archive-files/{bFile}?reason=上传错误")).StatusCode);
        report = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/archive-completeness?orgId={branch.Id}");
        Assert.Equal(0, report.GetProperty("complete").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/workforce/archive-files/{bFile}")).StatusCode);
        var dev = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{b}/development");
        Assert.Equal(7, dev.GetProperty("archive").GetProperty("present").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Attendance_completes_a_class_and_the_overdue_list_follows_each_post_s_cycle(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.SignInAsync("staff");
        var branch = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId);
        var elsewhere = await Seeded.BranchUnder(app, app.Seed.FirstStreetOrgId, Lianxin.Modules.Organizations.Domain.OrgKind.CompoundBranch);
        var today = Today;
        var trained = await Hire(staff, new WorkerBuilder(branch.Id).With("hireDate", D(today.AddYears(-5))));
        var lapsed = await Hire(staff, new WorkerBuilder(branch.Id).With("hireDate", D(today.AddYears(-3).AddDays(-1))));   // due yesterday
        var dueToday = await Hire(staff, new WorkerBuilder(branch.Id).With("hireDate", D(today.AddYears(-3))));            // due today: not yet overdue
        var secretary = await Hire(staff, new WorkerBuilder(branch.Id).With("hireDate", D(today.AddYears(-1).AddDays(-1))).With("post", "Secretary"));
        var newSecretary = await Hire(staff, new WorkerBuilder(branch.Id).With("hireDate", D(today.AddMonths(-6))).With("post", "Secretary"));
        var outsider = await Hire(staff, new WorkerBuilder(elsewhere.Id));

        // A bad class writes nothing.
        var p = await Api.Problem(await staff.PostAsync("/api/v1/workforce/trainings",
            new { orgId = branch.Id, name = "履职能力提升班", kind = "OnDuty", startDate = D(today), endDate = D(today.AddDays(-1)), hours = 16, organizer = "街道党工委" }),
            HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "endDate"));
        Assert.Equal(0, await app.Db(db => db.TrainingClasses.CountAsync()));

        var start = today.AddDays(-10);
        var created = await Api.Read<JsonElement>(await staff.PostAsync("/api/v1/workforce/trainings",
            new { orgId = branch.Id, name = "履职能力提升班", kind = "OnDuty", startDate = D(start), endDate = D(start.AddDays(4)), hours = 20, organizer = "街道党工委" }));
        var classId = created.GetProperty("class").GetProperty("id").GetGuid();
        Assert.Equal(80, created.GetProperty("class").GetProperty("completionPercent").GetInt32());
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/workforce/trainings/{classId}/sessions", new { date = D(start.AddDays(i)), topic = $"第{i + 1}讲", hours = 4 })).StatusCode);
        p = await Api.Problem(await staff.PostAsync($"/api/v1/workforce/trainings/{classId}/sessions", new { date = D(start.AddDays(-1)), topic = "前一天", hours = 4 }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "date"));

        p = await Api.Problem(await staff.PostAsync($"/api/v1/workforce/trainings/{classId}/enrol", new { workerIds = new[] { trained, outsider } }), HttpStatusCode.BadRequest);
        Assert.Contains("不属于举办单位", Api.FieldErrors(p, "workerIds")[0]);
        var detail = await Api.Read<JsonElement>(await staff.PostAsync($"/api/v1/workforce/trainings/{classId}/enrol", new { workerIds = new[] { trained, lapsed } }));
        var sessions = detail.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();

        // 4 of 5 sessions (80%) completes the class; 3 of 5 does not.
        var marks = sessions.Take(4).Select(s => new { sessionId = s, workerId = trained, present = true })
            .Concat(sessions.Take(3).Select(s => new { sessionId = s, workerId = lapsed, present = true })).ToList();
        detail = await Api.Read<JsonElement>(await staff.PutAsync($"/api/v1/workforce/trainings/{classId}/attendance", new { marks }));
        var rows = detail.GetProperty("enrolments").EnumerateArray().ToDictionary(e => e.GetProperty("workerId").GetGuid());
        Assert.True(rows[trained].GetProperty("completed").GetBoolean());
        Assert.Equal(4, rows[trained].GetProperty("attended").GetInt32());
        Assert.False(rows[lapsed].GetProperty("completed").GetBoolean());
        Assert.Equal(1, detail.GetProperty("class").GetProperty("completed").GetInt32());
        p = await Api.Problem(await staff.PutAsync($"/api/v1/workforce/trainings/{classId}/attendance",
            new { marks = new[] { new { sessionId = sessions[0], workerId = dueToday, present = true } } }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.FieldErrors(p, "marks"));

        // 应训未训: the never-trained worker hired a day more than 3 years ago and the secretary hired more than a year ago.
        var overdue = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/training-overdue?orgId={branch.Id}");
        var ids = overdue.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("workerId").GetGuid()).ToHashSet();
        Assert.Equal(new HashSet<Guid> { lapsed, secretary }, ids);
        Assert.Equal(5, overdue.GetProperty("activeWorkers").GetInt32());
        Assert.DoesNotContain(dueToday, ids);
        Assert.DoesNotContain(newSecretary, ids);

        // Coverage of the class's year: 1 of the 5 active workers.
        var coverage = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/training-coverage?orgId={branch.Id}&year={start.AddDays(4).Year}");
        Assert.Equal(5, coverage.GetProperty("activeWorkers").GetInt32());
        Assert.Equal(1, coverage.GetProperty("trained").GetInt32());
        Assert.Equal(20.00m, coverage.GetProperty("percent").GetDecimal());

        // Lowering the share to 60% completes the second worker too, who leaves the overdue list.
        detail = await Api.Read<JsonElement>(await staff.PutAsync($"/api/v1/workforce/trainings/{classId}",
            new { orgId = branch.Id, name = "履职能力提升班", kind = "OnDuty", startDate = D(start), endDate = D(start.AddDays(4)), hours = 20, organizer = "街道党工委",
                completionPercent = 60, version = detail.GetProperty("version").GetGuid() }));
        Assert.Equal(2, detail.GetProperty("class").GetProperty("completed").GetInt32());
        overdue = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/training-overdue?orgId={branch.Id}");
        Assert.Equal(secretary, Assert.Single(overdue.GetProperty("rows").GetProperty("items").EnumerateArray()).GetProperty("workerId").GetGuid());
        var dev = await staff.GetJsonAsync<JsonElement>($"/api/v1/workforce/workers/{trained}/development");
        Assert.False(dev.GetProperty("overdue").GetBoolean());
        Assert.Equal(D(start.AddDays(4)), dev.GetProperty("lastCompletedOn").GetString());
    }
}
