using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>
/// The live feed for real: SSE read with HttpClient and SignalR through the official .NET client (one
/// test over a raw WebSocket speaking the JSON hub protocol). Subscribe, receive, server-side filtering,
/// and resume from a cursor while appends continue — exactly the missed events, none twice.
/// </summary>
public abstract partial class GatewayLiveContract(GatewayFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    protected GatewayFixture Fixture { get; } = fixture;

    protected ApiTenant Tenant { get; } = fixture.NextTenant();

    [Fact]
    public async Task SseDeliversLiveEventsThatMatchTheFilterWithTheirCursor()
    {
        await using var sse = await SseClient.OpenAsync(Fixture.Host.BaseAddress, Tenant.ReadKey, "/api/logs/stream?lead_id=sse-live&severity=error");
        Assert.Equal("text/event-stream", sse.Response.Content.Headers.ContentType?.MediaType);

        await PostAsync("""[{"event_type":"a.info","lead_id":"sse-live"},{"event_type":"a.error","severity":"error","lead_id":"other"},{"event_type":"a.wanted","severity":"error","lead_id":"sse-live"}]""");
        var received = await sse.NextEventAsync(Wait);

        Assert.Equal("event", received.Name);
        var stored = JsonDocument.Parse(received.Data).RootElement;
        Assert.Equal("a.wanted", stored.GetProperty("event_type").GetString());
        Assert.Equal(stored.GetProperty("position").GetString(), received.Id);
    }

    [Fact]
    public async Task SseResumesFromLastEventIdWithExactlyTheMissedEvents()
    {
        var ids = await PostEachAsync("sse-resume", 3);
        await using (var first = await SseClient.OpenAsync(Fixture.Host.BaseAddress, Tenant.ReadKey, "/api/logs/stream?lead_id=sse-resume", "0-0"))
        {
            var seen = new List<SseEvent>();
            for (var i = 0; i < 3; i++)
            {
                seen.Add(await first.NextEventAsync(Wait));
            }

            Assert.Equal(ids, seen.Select(e => Id(e)));
            var cursor = seen[1].Id;

            await using var resumed = await SseClient.OpenAsync(Fixture.Host.BaseAddress, Tenant.ReadKey, "/api/logs/stream?lead_id=sse-resume", cursor);
            var later = await PostEachAsync("sse-resume", 2);
            var after = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                after.Add(Id(await resumed.NextEventAsync(Wait)));
            }

            Assert.Equal([ids[2], .. later], after);
        }
    }

    [Fact]
    public async Task SseRefusesABadCursorNamingIt()
    {
        using var client = Fixture.Client(Tenant.ReadKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/logs/stream");
        request.Headers.Add("Last-Event-ID", "not-a-cursor");

        await ProblemAssert.IsProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, "Last-Event-ID");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/logs/stream?limit=5"), HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task SseWithACursorPastTheLogsEndSaysSoAndGoesOnLive()
    {
        // A small id, but a transaction this store has not reached: from a restored or another store.
        await using var sse = await SseClient.OpenAsync(Fixture.Host.BaseAddress, Tenant.ReadKey, "/api/logs/stream?lead_id=sse-unknown", "999999999-1");

        var notice = await sse.NextEventAsync(Wait);
        var ids = await PostEachAsync("sse-unknown", 1);
        var live = await sse.NextEventAsync(Wait);

        Assert.Equal("resync", notice.Name);
        var resync = JsonDocument.Parse(notice.Data).RootElement;
        Assert.Equal(ResyncReasons.UnknownCursor, resync.GetProperty("reason").GetString());
        Assert.Matches("^[0-9]+-[0-9]+$", resync.GetProperty("after_cursor").GetString());
        Assert.Equal(resync.GetProperty("after_cursor").GetString(), notice.Id); // what a reconnecting EventSource resumes from
        Assert.Equal(ids, [Id(live)]);
    }

    [Fact]
    public async Task SseAcceptsTheKeyAsAccessTokenParameter()
    {
        using var client = new HttpClient { BaseAddress = Fixture.Host.BaseAddress };
        using var response = await client.GetAsync($"/api/logs/stream?access_token={Tenant.ReadKey}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SlowSubscriberIsToldToResyncAndCaughtUpWhileAFastOneKeepsPace()
    {
        var session = Fixture.Host.Services.GetRequiredService<LiveSession>();
        var filter = new EventFilter { LeadId = "slow-one" };
        var slow = new RecordingSink(blockFirstSend: true);
        var fast = new RecordingSink(blockFirstSend: false);
        using var stop = new CancellationTokenSource();
        var slowRun = session.RunAsync(Tenant.Id, filter, after: null, capacity: 2, slow, stop.Token);
        var fastRun = session.RunAsync(Tenant.Id, filter, after: null, capacity: 1000, fast, stop.Token);

        var ids = await PostEachAsync("slow-one", 12);
        await fast.WaitForAsync(ids.Count, Wait);
        slow.Release();
        await slow.WaitForAsync(ids.Count, Wait);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(slowRun, fastRun));

        Assert.Equal(ids, fast.EventIds);
        Assert.Equal(ids, slow.EventIds);
        Assert.Equal(1, slow.Resyncs);
        Assert.Equal(0, fast.Resyncs);
    }

    [Fact]
    public async Task DirectWritesThatAreRefusedFallBackToResyncAndCatchUpWithoutGapsOrRepeats()
    {
        var session = Fixture.Host.Services.GetRequiredService<LiveSession>();
        var sink = new DirectRecordingSink(acceptBeforeRefusing: 3);
        using var stop = new CancellationTokenSource();
        var run = session.RunAsync(Tenant.Id, new EventFilter { LeadId = "direct-one" }, after: null, capacity: 100, sink, stop.Token);

        var ids = await PostEachAsync("direct-one", 8);
        await sink.WaitForAsync(ids.Count, Wait);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal(ids, sink.EventIds);
        Assert.Equal(1, sink.Resyncs);
        Assert.True(sink.DirectSends >= 3);
    }

    protected static long Id(SseEvent e) => JsonDocument.Parse(e.Data).RootElement.GetProperty("id").GetInt64();

    protected async Task PostAsync(string body) =>
        await ProblemAssert.JsonAsync(await Fixture.Client(Tenant.WriteKey).PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.Created);

    /// <summary>Appends <paramref name="count"/> events one request at a time; returns their ids in order.</summary>
    protected async Task<List<long>> PostEachAsync(string leadId, int count)
    {
        using var writer = Fixture.Client(Tenant.WriteKey);
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var stored = await ProblemAssert.JsonAsync(
                await writer.PostAsync("/api/events", JsonContent.Of($$"""{"event_type":"live.tick","message":"{{i}}","lead_id":"{{leadId}}"}""")),
                HttpStatusCode.Created);
            ids.Add(stored.GetProperty("id").GetInt64());
        }

        return ids;
    }
}
