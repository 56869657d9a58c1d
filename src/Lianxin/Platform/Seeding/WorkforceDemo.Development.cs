using Lianxin.Modules.Workforce.Domain;

namespace Lianxin.Platform.Seeding;

public static partial class WorkforceDemo
{
    /// <summary>The demo records of this part of the workforce module (see SeedAsync).</summary>
    private static Task DevelopmentAsync(IServiceProvider sp, IReadOnlyList<Worker> workers, CancellationToken ct) => Task.CompletedTask;
}
