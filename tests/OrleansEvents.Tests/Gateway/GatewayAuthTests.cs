using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Who may call what: the key headers, the roles, and the endpoints open without a key.</summary>
public sealed class GatewayAuthTests(SqliteGatewayFixture fixture) : IClassFixture<SqliteGatewayFixture>
{
    private readonly ApiTenant _tenant = fixture.NextTenant();

    [Theory]
    [InlineData("GET", "/api/events")]
    [InlineData("GET", "/api/events/1")]
    [InlineData("POST", "/api/events")]
    [InlineData("GET", "/api/events/unresolved")]
    [InlineData("GET", "/api/events/stats")]
    [InlineData("GET", "/api/events/export")]
    [InlineData("POST", "/api/events/1/resolve")]
    [InlineData("PUT", "/api/events/1")]
    [InlineData("DELETE", "/api/events/1")]
    [InlineData("POST", "/api/events/replay")]
    [InlineData("POST", "/api/admin/retention/run")]
    [InlineData("GET", "/admin/events")]
    [InlineData("GET", "/api/streams/lead/1")]
    [InlineData("GET", "/api/logs/stream")]
    [InlineData("POST", "/hubs/events/negotiate?negotiateVersion=1")]
    public async Task EveryEndpointAnswers401ProblemWithoutAKey(string method, string path)
    {
        var response = await fixture.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task WrongKeyIs401()
    {
        await ProblemAssert.IsProblemAsync(await fixture.Client("not-a-key-of-anyone").GetAsync("/api/events"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task BearerAndAdminHeaderAreAcceptedLikeXApiKey()
    {
        using var bearer = fixture.Client();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tenant.ReadKey);
        using var admin = fixture.Client();
        admin.DefaultRequestHeaders.Add("X-Admin-API-Key", _tenant.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task ARequestCarryingTwoDifferentKeysIsRefusedEvenIfOneIsValid()
    {
        using var mixed = fixture.Client(_tenant.ReadKey);
        mixed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key-of-anyone");
        using var readAndAdmin = fixture.Client(_tenant.ReadKey);
        readAndAdmin.DefaultRequestHeaders.Add("X-Admin-API-Key", _tenant.AdminKey);
        using var sameTwice = fixture.Client(_tenant.ReadKey);
        sameTwice.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tenant.ReadKey);

        await ProblemAssert.IsProblemAsync(await mixed.GetAsync("/api/events"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await readAndAdmin.DeleteAsync("/api/events/1"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await sameTwice.GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task AccessTokenQueryParameterIsRefusedOutsideWebSocketsAndSse()
    {
        var response = await fixture.Client().GetAsync($"/api/events?access_token={_tenant.ReadKey}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReadKeyCannotWriteAndWriteKeyCannotAdminister()
    {
        var post = await fixture.Client(_tenant.ReadKey).PostAsync("/api/events", JsonContent.Of("""{"event_type":"x.y"}"""));
        var delete = await fixture.Client(_tenant.WriteKey).DeleteAsync("/api/events/1");

        var problem = await ProblemAssert.IsProblemAsync(post, HttpStatusCode.Forbidden);
        Assert.Equal("write", problem.GetProperty("required_role").GetString());
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HubNegotiatesWithAKeyAndRefusesAWebSocketWithAWrongToken()
    {
        var negotiate = await ProblemAssert.JsonAsync(await fixture.Client(_tenant.ReadKey).PostAsync("/hubs/events/negotiate?negotiateVersion=1", null));
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        var uri = new UriBuilder(fixture.Host.BaseAddress) { Scheme = "ws", Path = "/hubs/events", Query = "access_token=wrong-key" }.Uri;

        Assert.False(string.IsNullOrEmpty(negotiate.GetProperty("connectionToken").GetString()));
        var refused = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthAndOpenApiNeedNoKey()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client().GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client().GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task ReadinessShowsWhereTheStoreLivesAndTheLogPositionOnlyToAnAdminKey()
    {
        static async Task<JsonElement> ChecksAsync(HttpClient client) =>
            (await ProblemAssert.JsonAsync(await client.GetAsync("/health/ready"))).GetProperty("checks");

        var anonymous = await ChecksAsync(fixture.Client());
        var reader = await ChecksAsync(fixture.Client(_tenant.ReadKey));
        var admin = await ChecksAsync(fixture.Client(_tenant.AdminKey));

        foreach (var checks in new[] { anonymous, reader })
        {
            Assert.Equal(["provider"], Names(checks.GetProperty("storage").GetProperty("data")));
            Assert.Equal(["last_progress_at"], Names(checks.GetProperty("log_reader").GetProperty("data")));
        }

        Assert.Equal(["location", "provider"], Names(admin.GetProperty("storage").GetProperty("data")).Order(StringComparer.Ordinal));
        Assert.Equal(["last_progress_at", "position", "reader_silo"], Names(admin.GetProperty("log_reader").GetProperty("data")).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Names(JsonElement data) => data.EnumerateObject().Select(p => p.Name);

    [Fact]
    public async Task UnknownPathIsProblemDetails()
    {
        await ProblemAssert.IsProblemAsync(await fixture.Client(_tenant.ReadKey).GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CorsIsOffUnlessConfigured()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/events");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await fixture.Client().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void HashedKeysMatchTheirPlainKeyOnly()
    {
        var spec = ApiKeyHash.Spec("a-secret-key-of-a-service");

        Assert.StartsWith("sha256:", spec, StringComparison.Ordinal);
        Assert.True(ApiKeyHash.TryParseSpec(spec, out var hash));
        Assert.Equal(ApiKeyHash.Of("a-secret-key-of-a-service"), hash);
        Assert.NotEqual(ApiKeyHash.Of("a-secret-key-of-a-servicE"), hash);
    }
}
