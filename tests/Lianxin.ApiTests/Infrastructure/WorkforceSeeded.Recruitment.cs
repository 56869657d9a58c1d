namespace Lianxin.ApiTests.Infrastructure;

public static partial class WorkforceSeeded
{
    /// <summary>One record of each kind of this part under the street (see RecordsUnder).</summary>
    private static Task Recruitment(TestApp app, Guid streetId, Guid workerId, ScopeIds ids) => Task.CompletedTask;
}
