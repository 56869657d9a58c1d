using System.Text.Json;
using System.Text.Json.Nodes;
using Lianxin.ApiTests.Infrastructure;

namespace Lianxin.ApiTests.Platform;

/// <summary>
/// docs/openapi.json is the contract the console's TypeScript types are generated from (web: npm run gen:api).
/// It must equal what the server publishes; after an API change, run the tests once with
/// LIANXIN_UPDATE_OPENAPI=1 to rewrite it, then rebuild the console, which type-checks against it.
/// </summary>
public sealed class OpenApiSnapshotTests
{
    [Fact]
    public async Task The_committed_openapi_document_matches_the_server()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var live = JsonNode.Parse(await app.Anonymous().Http.GetStringAsync("/swagger/v1/swagger.json"))!;
        var text = live.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Directory.Packages.props"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        var file = Path.Combine(root, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("LIANXIN_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(file, text);
        Assert.True(File.Exists(file), "docs/openapi.json is missing: run the tests with LIANXIN_UPDATE_OPENAPI=1");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.True(JsonNode.DeepEquals(committed, live),
            "docs/openapi.json differs from the server's document: run the tests with LIANXIN_UPDATE_OPENAPI=1, then `npm run build` in web/ to re-check the console");
    }
}
