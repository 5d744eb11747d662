using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>
/// The tenant isolation matrix: tenant B, even with an admin key, can never read, count, resolve,
/// edit, delete, replay, export, stream or learn of tenant A's events — a foreign id is a 404, the
/// same answer as an id that does not exist.
/// </summary>
public abstract class GatewayIsolationContract(GatewayFixture fixture)
{
    private readonly ApiTenant _owner = fixture.NextTenant();
    private readonly ApiTenant _stranger = fixture.NextTenant();

    protected GatewayFixture Fixture { get; } = fixture;

    [Fact]
    public async Task ForeignEventIdIsNotFoundOnEveryEndpointThatTakesAnId()
    {
        var id = await OwnerEventAsync();
        using var stranger = Fixture.Client(_stranger.AdminKey);

        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/events/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"/api/events/{id}/resolve", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"/api/events/{id}/unresolve", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.PutAsync($"/api/events/{id}", JsonContent.Of("""{"message":"hijacked"}""")), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.DeleteAsync($"/api/events/{id}"), HttpStatusCode.NotFound);

        var untouched = await ProblemAssert.JsonAsync(await Fixture.Client(_owner.ReadKey).GetAsync($"/api/events/{id}"));
        Assert.Equal("owner's secret", untouched.GetProperty("message").GetString());
        Assert.False(untouched.GetProperty("resolved").GetBoolean());
    }

    [Fact]
    public async Task ForeignEventsNeverAppearInListsCountsOrExports()
    {
        await OwnerEventAsync();
        using var stranger = Fixture.Client(_stranger.AdminKey);

        var query = await ProblemAssert.JsonAsync(await stranger.GetAsync("/api/events?lead_id=iso-lead&include_total=true"));
        var unresolved = await ProblemAssert.JsonAsync(await stranger.GetAsync("/api/events/unresolved?lead_id=iso-lead"));
        var admin = await ProblemAssert.JsonAsync(await stranger.GetAsync("/admin/events?lead_id=iso-lead"));
        var stats = await ProblemAssert.JsonAsync(await stranger.GetAsync("/api/events/stats"));
        var export = await stranger.GetStringAsync("/api/events/export?lead_id=iso-lead");

        Assert.Equal(0, query.GetProperty("total").GetInt64());
        Assert.Equal(0, query.GetProperty("events").GetArrayLength());
        Assert.Equal(0, unresolved.GetProperty("events").GetArrayLength());
        Assert.Equal(0, admin.GetProperty("events").GetArrayLength());
        Assert.Equal(0, stats.GetProperty("total").GetInt64());
        Assert.Equal("", export);
    }

    [Fact]
    public async Task ForeignStreamIsNotFoundAndReplayFindsNothing()
    {
        await OwnerEventAsync();
        using var stranger = Fixture.Client(_stranger.AdminKey);

        await ProblemAssert.IsProblemAsync(await stranger.GetAsync("/api/streams/lead/iso-lead"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync("/api/streams/lead/iso-lead/unresolved"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync("/api/streams/lead/iso-lead/summary"), HttpStatusCode.NotFound);
        var dryRun = await ProblemAssert.JsonAsync(await stranger.PostAsync("/api/events/replay", JsonContent.Of("""{"lead_id":"iso-lead","dry_run":true}""")));
        var real = await ProblemAssert.JsonAsync(await stranger.PostAsync("/api/events/replay", JsonContent.Of("""{"lead_id":"iso-lead","dry_run":false}""")));

        Assert.Equal(0, dryRun.GetProperty("events_found").GetInt64());
        Assert.Equal(0, real.GetProperty("events_replayed").GetInt64());
    }

    [Fact]
    public async Task SameEventIdInTwoTenantsIsTwoEvents()
    {
        const string body = """{"event_id":"shared-id","event_type":"x.y","lead_id":"iso-lead"}""";

        var mine = await ProblemAssert.JsonAsync(await Fixture.Client(_owner.WriteKey).PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.Created);
        var theirs = await ProblemAssert.JsonAsync(await Fixture.Client(_stranger.WriteKey).PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.Created);

        Assert.NotEqual(mine.GetProperty("id").GetInt64(), theirs.GetProperty("id").GetInt64());
        Assert.Equal(1, theirs.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ForeignEventsNeverReachTheStrangersLiveStream()
    {
        var cursor = (await Fixture.Log.GetLogEndAsync()).ToString();
        await OwnerEventAsync();
        var sentinel = await ProblemAssert.JsonAsync(await Fixture.Client(_stranger.WriteKey).PostAsync("/api/events",
            JsonContent.Of("""{"event_type":"own.sentinel","lead_id":"iso-lead"}""")), HttpStatusCode.Created);

        await using var sse = await SseClient.OpenAsync(Fixture.Host.BaseAddress, _stranger.ReadKey, "/api/logs/stream", cursor);
        var first = await sse.NextEventAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(sentinel.GetProperty("id").GetInt64(), JsonDocument.Parse(first.Data).RootElement.GetProperty("id").GetInt64());
    }

    private async Task<long> OwnerEventAsync()
    {
        var stored = await ProblemAssert.JsonAsync(await Fixture.Client(_owner.WriteKey).PostAsync("/api/events",
            JsonContent.Of("""{"event_id":"owner-1","event_type":"secret.thing","severity":"error","message":"owner's secret","lead_id":"iso-lead"}""")),
            HttpStatusCode.Created);
        return stored.GetProperty("id").GetInt64();
    }
}
