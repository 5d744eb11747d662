using System.Text.Json;

namespace OrleansEvents.Tests.Gateway;

/// <summary>How a key is presented, which operations need one, and the live stream's resume header.</summary>
public sealed partial class GatewayOpenApiTests
{
    [Fact]
    public async Task SecuritySchemesDescribeEveryWayToPresentAKey()
    {
        var schemes = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal(["AccessToken", "AdminApiKey", "ApiKey", "Bearer"], schemes.EnumerateObject().Select(s => s.Name).Order());
        AssertApiKeyScheme(schemes.GetProperty("ApiKey"), "header", "X-API-Key");
        AssertApiKeyScheme(schemes.GetProperty("AdminApiKey"), "header", "X-Admin-API-Key");
        AssertApiKeyScheme(schemes.GetProperty("AccessToken"), "query", "access_token");
        Assert.Equal("http", schemes.GetProperty("Bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task EveryApiOperationNeedsAKeyOfItsRoleAndOnlyTheLiveStreamTakesItFromTheQuery()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, role) in ApiOperations)
        {
            Assert.True(Operation(document, path, method).TryGetProperty("security", out var security), $"{method} {path} has no security requirement");
            var alternatives = security.EnumerateArray().Select(r => Assert.Single(r.EnumerateObject())).ToDictionary(s => s.Name, s => Names(s.Value));
            var expected = path == "/api/logs/stream" ? new[] { "AccessToken", "AdminApiKey", "ApiKey", "Bearer" } : ["AdminApiKey", "ApiKey", "Bearer"];
            Assert.Equal(expected, alternatives.Keys.Order());
            Assert.All(alternatives.Values, roles => Assert.Equal([role], roles));
        }
    }

    [Fact]
    public async Task LiveStreamDocumentsTheLastEventIdHeader()
    {
        var parameters = Operation(await DocumentAsync(), "/api/logs/stream", "get").GetProperty("parameters").EnumerateArray();

        var header = Assert.Single(parameters, p => p.GetProperty("name").GetString() == "Last-Event-ID");
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.Contains("resumes", header.GetProperty("description").GetString());
    }

    private static void AssertApiKeyScheme(JsonElement scheme, string location, string name)
    {
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal(location, scheme.GetProperty("in").GetString());
        Assert.Equal(name, scheme.GetProperty("name").GetString());
    }
}
