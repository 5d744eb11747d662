using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>since and until as people type them (15m, 24h, 7d, now), counted back from the event clock, on both stores.</summary>
public abstract class GatewayRelativeTimeContract(ClockedGatewayFixture fixture)
{
    private readonly ApiTenant _tenant = fixture.NextTenant();

    [Fact]
    public async Task DurationsAndNowCountBackFromTheEventClock()
    {
        var now = fixture.Clock.GetUtcNow();
        var device = Guid.NewGuid().ToString("N");
        var ids = await PostAsync(device, now.AddMinutes(-20), now.AddMinutes(-10), now.AddHours(-2), now.AddDays(-3), now.AddDays(-8));

        Assert.Equal([ids[1]], await IdsAsync(device, "since=15m"));
        Assert.Equal([ids[1], ids[0]], await IdsAsync(device, "since=30m&until=now"));
        Assert.Equal([ids[2], ids[1], ids[0]], await IdsAsync(device, "since=24h"));
        Assert.Equal([ids[3], ids[2], ids[1], ids[0]], await IdsAsync(device, "since=7d"));
        Assert.Equal([ids[4], ids[3], ids[2]], await IdsAsync(device, "until=1h"));
        Assert.Equal([ids[3], ids[2]], await IdsAsync(device, "since=7d&until=3600s"));
    }

    [Fact]
    public async Task ARelativeTimeMovesWithTheClock()
    {
        var now = fixture.Clock.GetUtcNow();
        var device = Guid.NewGuid().ToString("N");
        var ids = await PostAsync(device, now.AddMinutes(-5));
        Assert.Equal([ids[0]], await IdsAsync(device, "since=15m"));

        fixture.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Empty(await IdsAsync(device, "since=15m"));
        Assert.Equal([ids[0]], await IdsAsync(device, "since=1h"));
    }

    [Theory]
    [InlineData("since=15M")]
    [InlineData("since=NOW")]
    [InlineData("since=-15m")]
    [InlineData("since=15")]
    [InlineData("since=15m%20")]
    [InlineData("since=1.5h")]
    [InlineData("since=36501d")]
    [InlineData("until=15w")]
    public async Task AnythingElseIsA400NamingTheParameter(string query)
    {
        var response = await fixture.Client(_tenant.ReadKey).GetAsync("/api/events?" + query);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, query[..query.IndexOf('=')]);
    }

    private async Task<List<long>> PostAsync(string device, params DateTimeOffset[] times)
    {
        var body = JsonSerializer.Serialize(times.Select(t => new { event_type = "clock.tick", device_id = device, timestamp = t.ToString("O") }));
        var stored = await ProblemAssert.JsonAsync(await fixture.Client(_tenant.WriteKey).PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.Created);
        return stored.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
    }

    private async Task<List<long>> IdsAsync(string device, string query)
    {
        var page = await ProblemAssert.JsonAsync(await fixture.Client(_tenant.ReadKey).GetAsync($"/api/events?device_id={device}&{query}"));
        return page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
    }
}
