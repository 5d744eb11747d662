using System.Net;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Settings that need a host of their own: hashed keys, rate limits, CORS origins, body limits.</summary>
public sealed class GatewaySettingsTests : IAsyncLifetime
{
    private const string PlainKey = "service-plain-key-0123456789";
    private const string HashedKey = "service-hashed-key-0123456789";
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-gw-settings-").FullName;
    private GatewayHost? _host;

    public async Task InitializeAsync()
    {
        var settings = StorageHost.Sqlite(Path.Combine(_directory, "events.db"));
        settings["Auth:ApiKeys:0:Key"] = PlainKey;
        settings["Auth:ApiKeys:0:Role"] = "write";
        settings["Auth:ApiKeys:1:Key"] = ApiKeyHash.Spec(HashedKey);
        settings["Auth:ApiKeys:1:Role"] = "read";
        settings["Auth:ApiKeys:1:Tenant"] = "other";
        settings["Gateway:RateLimit:PermitLimit"] = "3";
        settings["Gateway:RateLimit:Window"] = "00:01:00";
        settings["Gateway:CorsAllowedOrigins:0"] = "https://ops.example.com";
        settings["Gateway:MaxRequestBodyBytes"] = "4096";
        settings["Gateway:SseHeartbeat"] = "00:00:00.200";
        _host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task HashedKeyAuthenticatesWithItsPlainValue()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host!.Client(HashedKey).GetAsync("/api/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client(ApiKeyHash.Spec(HashedKey)).GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task RateLimitAnswers429WithRetryAfterPerKey()
    {
        using var client = _host!.Client(PlainKey);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync("/api/events");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await ProblemAssert.IsProblemAsync(last, HttpStatusCode.TooManyRequests);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client(HashedKey).GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task ConfiguredOriginGetsCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/events");
        request.Headers.Add("Origin", "https://ops.example.com");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await _host!.Client().SendAsync(request);

        Assert.Equal("https://ops.example.com", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task IdleSseStreamSendsHeartbeats()
    {
        await using var sse = await SseClient.OpenAsync(_host!.BaseAddress, HashedKey, "/api/logs/stream");

        Assert.True(await sse.WaitForHeartbeatAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ConfiguredBodyLimitAnswers413()
    {
        var body = $$"""{"event_type":"x.y","message":"{{new string('a', 5000)}}"}""";

        await ProblemAssert.IsProblemAsync(await _host!.Client(PlainKey).PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.RequestEntityTooLarge);
    }
}
