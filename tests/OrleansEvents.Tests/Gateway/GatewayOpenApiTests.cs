using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>The OpenAPI document lists every endpoint, its parameters and its error shapes.</summary>
public sealed class GatewayOpenApiTests(SqliteGatewayFixture fixture) : IClassFixture<SqliteGatewayFixture>
{
    [Fact]
    public async Task DocumentListsEveryEndpointWithParametersAndProblemResponses()
    {
        var document = JsonDocument.Parse(await fixture.Client().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        foreach (var (path, method) in new[]
        {
            ("/api/events", "get"), ("/api/events", "post"), ("/api/events/{id}", "get"), ("/api/events/{id}", "put"),
            ("/api/events/{id}", "delete"), ("/api/events/unresolved", "get"), ("/api/events/{id}/resolve", "post"),
            ("/api/events/{id}/unresolve", "post"), ("/api/events/stats", "get"), ("/api/events/export", "get"),
            ("/api/streams/{kind}/{key}", "get"), ("/api/streams/{kind}/{key}/unresolved", "get"), ("/api/streams/{kind}/{key}/summary", "get"),
            ("/api/events/replay", "post"), ("/api/admin/retention/run", "post"), ("/admin/events", "get"), ("/api/logs/stream", "get"),
        })
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
        Assert.True(paths.GetProperty("/api/events").GetProperty("post").TryGetProperty("requestBody", out _));
    }
}
