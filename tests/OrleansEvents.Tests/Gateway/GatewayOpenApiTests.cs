using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>The OpenAPI document lists every endpoint, its parameters and its error shapes.</summary>
public sealed partial class GatewayOpenApiTests(SqliteGatewayFixture fixture) : IClassFixture<SqliteGatewayFixture>
{
    /// <summary>Every operation of the API proper, with the role its key needs.</summary>
    private static readonly (string Path, string Method, string Role)[] ApiOperations =
    [
        ("/api/events", "get", "read"), ("/api/events", "post", "write"), ("/api/events/{id}", "get", "read"),
        ("/api/events/{id}", "put", "admin"), ("/api/events/{id}", "delete", "admin"), ("/api/events/unresolved", "get", "read"),
        ("/api/events/{id}/resolve", "post", "write"), ("/api/events/{id}/unresolve", "post", "write"), ("/api/events/stats", "get", "read"),
        ("/api/events/export", "get", "read"), ("/api/streams/{kind}/{key}", "get", "read"), ("/api/streams/{kind}/{key}/unresolved", "get", "read"),
        ("/api/streams/{kind}/{key}/summary", "get", "read"), ("/api/events/replay", "post", "admin"), ("/api/admin/retention/run", "post", "admin"),
        ("/admin/events", "get", "admin"), ("/api/logs/stream", "get", "read"), ("/api/me", "get", "read"),
        ("/api/streams/{kind}/{key}/events", "post", "write"),
    ];

    [Fact]
    public async Task DocumentListsEveryEndpointWithParametersAndProblemResponses()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");

        foreach (var (path, method, _) in ApiOperations)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not documented");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not documented");
            Assert.True(operation.TryGetProperty("summary", out _), $"{method} {path} has no summary");
            Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _), $"{method} {path} does not document 400");
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path} does not document 401");
        }

        var query = paths.GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("min_severity", query);
        Assert.Contains("include_total", query);
        Assert.Contains("context.{key}", query);
        Assert.True(paths.GetProperty("/api/events").GetProperty("post").TryGetProperty("requestBody", out _));
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await fixture.Client().GetStringAsync("/openapi/v1.json")).RootElement.Clone();

    private static JsonElement Schema(JsonElement document, string name) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static HashSet<string> Names(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];

    private static HashSet<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? Names(required) : [];
}
