using System.Text.Json;

namespace OrleansEvents.Tests.Gateway;

/// <summary>The health endpoints, which the framework's own discovery does not see.</summary>
public sealed partial class GatewayOpenApiTests
{
    [Theory]
    [InlineData("/health/live", new[] { "200" })]
    [InlineData("/health/ready", new[] { "200", "503" })]
    public async Task HealthEndpointsAreDocumentedAndAnonymous(string path, string[] statuses)
    {
        var operation = Operation(await DocumentAsync(), path, "get");

        Assert.Equal(statuses, operation.GetProperty("responses").EnumerateObject().Select(r => r.Name));
        Assert.False(operation.TryGetProperty("security", out _), $"{path} asks for a key");
        var schema = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/HealthResponse", schema.GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task ReadinessAnswerHasExactlyTheDocumentedMembers()
    {
        var report = Schema(await DocumentAsync(), "HealthResponse");
        var check = report.GetProperty("properties").GetProperty("checks").GetProperty("additionalProperties");
        var answer = JsonDocument.Parse(await fixture.Client().GetStringAsync("/health/ready")).RootElement;

        Assert.Equal(Required(report), answer.EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.NotEmpty(answer.GetProperty("checks").EnumerateObject());
        Assert.All(answer.GetProperty("checks").EnumerateObject(), c => Assert.Equal(Required(check), c.Value.EnumerateObject().Select(p => p.Name).ToHashSet()));
    }
}
