namespace Lianxin.Platform.Jobs;

/// <summary>Work the app does on its own schedule (reminders, escalation). Each run must be safe on every instance at once.</summary>
public interface IScheduledJob
{
    string Name { get; }

    /// <summary>Does whatever is due now; returns how many things it did.</summary>
    Task<int> RunDueAsync(CancellationToken ct);
}

/// <summary>
/// Runs the scheduled jobs inside the app: checks every minute (Lianxin:Scheduler:IntervalSeconds), so what falls due
/// while the app was down is done at start-up. Off with Lianxin:Scheduler:Enabled=false (the tests run jobs by hand).
/// </summary>
public sealed class JobScheduler(IEnumerable<IScheduledJob> jobs, IConfiguration config, ILogger<JobScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Lianxin:Scheduler:Enabled", true)) return;
        var interval = TimeSpan.FromSeconds(config.GetValue("Lianxin:Scheduler:IntervalSeconds", 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var job in jobs)
            {
                try { await job.RunDueAsync(stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e) { log.LogError(e, "Scheduled job {Job} failed; will retry at the next check", job.Name); }
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
