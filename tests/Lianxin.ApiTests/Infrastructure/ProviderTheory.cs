namespace Lianxin.ApiTests.Infrastructure;

/// <summary>
/// Every API test runs on SQLite and on PostgreSQL. The PostgreSQL case is never skipped: without the
/// server that ./test.sh starts (LIANXIN_TEST_PG) it fails with a message saying so.
/// </summary>
public abstract class ApiTestBase
{
    public static TheoryData<Provider> Providers => new() { Provider.Sqlite, Provider.Postgres };

    protected static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
