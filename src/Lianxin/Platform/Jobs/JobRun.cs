using Lianxin.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Jobs;

/// <summary>
/// A claim on one run of a scheduled job (a job name and a run key such as "2026-11"). The primary key makes the
/// claim exclusive across every app instance sharing the database; the lease lets another instance take over a
/// run whose owner died before finishing it.
/// </summary>
public sealed class JobRun
{
    private JobRun() { }

    public string Job { get; private set; } = "";
    public string RunKey { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime LeaseUntil { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public string? Outcome { get; private set; }

    public static JobRun Create(string job, string runKey, string owner, DateTime now, TimeSpan lease) =>
        new() { Job = job, RunKey = runKey, Owner = owner, StartedAt = now, LeaseUntil = now + lease };
}

public static class JobClaims
{
    /// <summary>
    /// Claims the run for this instance: true when it is ours to do (new, or abandoned by an owner whose lease ran
    /// out), false when another instance has it or it is done. Atomic in the database on both providers.
    /// </summary>
    public static async Task<bool> TryClaim(AppDbContext db, string job, string runKey, string owner, TimeSpan lease, CancellationToken ct)
    {
        var now = db.Now;
        var until = now + lease;
        // INSERT … ON CONFLICT DO NOTHING is the same statement on SQLite and PostgreSQL.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO sys_job_runs ("Job", "RunKey", "Owner", "StartedAt", "LeaseUntil") VALUES ({job}, {runKey}, {owner}, {now}, {until}) ON CONFLICT DO NOTHING""", ct);
        if (inserted == 1) return true;
        var taken = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE sys_job_runs SET "Owner" = {owner}, "LeaseUntil" = {until} WHERE "Job" = {job} AND "RunKey" = {runKey} AND "FinishedAt" IS NULL AND "LeaseUntil" < {now}""", ct);
        return taken == 1;
    }

    public static Task Finish(AppDbContext db, string job, string runKey, string owner, string outcome, CancellationToken ct)
    {
        var now = db.Now;
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE sys_job_runs SET "FinishedAt" = {now}, "Outcome" = {outcome} WHERE "Job" = {job} AND "RunKey" = {runKey} AND "Owner" = {owner}""", ct);
    }

    public static Task<bool> IsFinished(AppDbContext db, string job, string runKey, CancellationToken ct) =>
        db.JobRuns.AnyAsync(r => r.Job == job && r.RunKey == runKey && r.FinishedAt != null, ct);
}
