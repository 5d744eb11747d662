using System.Net;
using Microsoft.AspNetCore.SignalR;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>
/// The SignalR hub through the official .NET client, as services and the dashboard's library use it;
/// one test speaks the JSON hub protocol over a raw WebSocket, to pin the wire format itself.
/// </summary>
public abstract partial class GatewayLiveContract
{
    [Fact]
    public async Task HubSpeaksTheJsonProtocolOverARawWebSocketAndDeliversOnlyMatchingEvents()
    {
        await using var hub = await SignalRJsonClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);
        await hub.InvokeAsync("SubscribeAsync", new { lead_id = "hub-filter", severity = new[] { "error", "critical" } }, null);

        await PostAsync("""[{"event_type":"h.info","lead_id":"hub-filter"},{"event_type":"h.error","severity":"error","lead_id":"hub-other"},{"event_type":"h.wanted","severity":"critical","lead_id":"hub-filter"}]""");
        var (target, argument) = await hub.NextAsync(Wait);

        Assert.Equal("event", target);
        Assert.Equal("h.wanted", argument.GetProperty("event_type").GetString());
        Assert.Equal("critical", argument.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task HubAnswersTheLiveCursorAndSendsTheTenantsStats()
    {
        await PostEachAsync("hub-stats", 2);
        await using var hub = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);

        var result = await hub.InvokeAsync("SubscribeAsync", null, null);
        var stats = await hub.NextStatsAsync(Wait);

        Assert.Matches("^[0-9]+-[0-9]+$", result.GetProperty("after_cursor").GetString());
        Assert.True(stats.GetProperty("total").GetInt64() >= 0);
        Assert.True(stats.GetProperty("by_severity").TryGetProperty("info", out _));
    }

    [Fact]
    public async Task HubWithACursorPastTheLogsEndSaysSoAndGoesOnLive()
    {
        await using var hub = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);
        var answer = await hub.InvokeAsync("SubscribeAsync", new { lead_id = "hub-unknown" }, "1-999999999");

        var (noticeTarget, notice) = await hub.NextAsync(Wait);
        var ids = await PostEachAsync("hub-unknown", 1);
        var (liveTarget, live) = await hub.NextAsync(Wait);

        Assert.Equal("resync", noticeTarget);
        Assert.Equal(OrleansEvents.Gateway.Live.ResyncReasons.UnknownCursor, notice.GetProperty("reason").GetString());
        Assert.Equal(notice.GetProperty("after_cursor").GetString(), answer.GetProperty("after_cursor").GetString());
        Assert.Equal("event", liveTarget);
        Assert.Equal(ids, [live.GetProperty("id").GetInt64()]);
    }

    [Fact]
    public async Task HubSendsEventResolvedWhenAnEventIsResolved()
    {
        await using var hub = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);
        await hub.InvokeAsync("SubscribeAsync", new { lead_id = "hub-resolve", resolved = false }, null);
        var id = (await PostEachAsync("hub-resolve", 1))[0];
        Assert.Equal("event", (await hub.NextAsync(Wait)).Target);

        await Fixture.Client(Tenant.WriteKey).PostAsync($"/api/events/{id}/resolve", null);
        var (target, argument) = await hub.NextAsync(Wait);

        Assert.Equal("eventResolved", target);
        Assert.True(argument.GetProperty("resolved").GetBoolean());
    }

    [Fact]
    public async Task HubAcceptsSubscribeWithTheFilterAloneOrNoArgumentsAtAll()
    {
        await using var hub = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);

        var filterOnly = await hub.InvokeAsync("SubscribeAsync", new { lead_id = "hub-args" });
        var none = await hub.InvokeAsync("SubscribeAsync");

        Assert.Matches("^[0-9]+-[0-9]+$", filterOnly.GetProperty("after_cursor").GetString());
        Assert.Matches("^[0-9]+-[0-9]+$", none.GetProperty("after_cursor").GetString());
    }

    [Fact]
    public async Task HubSendsReplayedEventsWithTheReplayId()
    {
        var ids = await PostEachAsync("hub-replay", 2);
        await using var hub = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);
        await hub.InvokeAsync("SubscribeAsync", new { lead_id = "hub-replay" });

        var report = await ProblemAssert.JsonAsync(await Fixture.Client(Tenant.AdminKey).PostAsync("/api/events/replay",
            JsonContent.Of("""{"lead_id":"hub-replay","dry_run":false}""")));
        // The appends themselves may still arrive live (the tailer can lag the POSTs); skip those.
        var replayed = new List<(string Target, JsonElement Argument)>();
        while (replayed.Count < 2)
        {
            if (await hub.NextAsync(Wait) is { Target: "replayed" } message)
            {
                replayed.Add(message);
            }
        }

        var (first, second) = (replayed[0], replayed[1]);
        Assert.Equal(report.GetProperty("replay_id").GetString(), first.Argument.GetProperty("replay_id").GetString());
        Assert.Equal(ids, new[] { first, second }.Select(m => m.Argument.GetProperty("event").GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task HubNeverDeliversAnotherTenantsEvents()
    {
        var stranger = Fixture.NextTenant();
        await using var hub = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, stranger.ReadKey);
        await hub.InvokeAsync("SubscribeAsync", new { lead_id = "hub-iso" }, "0-0");

        await PostEachAsync("hub-iso", 2);
        var own = await ProblemAssert.JsonAsync(await Fixture.Client(stranger.WriteKey).PostAsync("/api/events",
            JsonContent.Of("""{"event_type":"own.sentinel","lead_id":"hub-iso"}""")), HttpStatusCode.Created);
        var (_, first) = await hub.NextAsync(Wait);

        Assert.Equal(own.GetProperty("id").GetInt64(), first.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task HubRefusesAnInvalidFilterOrCursor()
    {
        await using var hub = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);

        var badFilter = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeAsync", new { limit = "abc" }, null));
        var badCursor = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeAsync", null, "zzz"));

        Assert.Contains("limit", badFilter.Message, StringComparison.Ordinal);
        Assert.Contains("after_cursor", badCursor.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubReconnectWithCursorGetsExactlyTheMissedEventsWhileAppendsContinue()
    {
        const int total = 40;
        var appended = new List<long>();
        var firstSeen = new List<(long Id, string Position)>();
        var writerDone = new TaskCompletionSource();
        Task writer;
        await using (var first = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey))
        {
            await first.InvokeAsync("SubscribeAsync", new { lead_id = "hub-resume" }, null);
            writer = Task.Run(async () =>
            {
                for (var i = 0; i < total; i++)
                {
                    var id = (await PostEachAsync("hub-resume", 1))[0];
                    lock (appended)
                    {
                        appended.Add(id);
                    }
                }
            });

            while (firstSeen.Count < 10)
            {
                var (_, argument) = await first.NextAsync(Wait);
                firstSeen.Add((argument.GetProperty("id").GetInt64(), argument.GetProperty("position").GetString()!));
            }
        }

        // Disconnected while the writer goes on; resume from the last cursor seen.
        await using var second = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);
        await second.InvokeAsync("SubscribeAsync", new { lead_id = "hub-resume" }, firstSeen[^1].Position);
        await writer;
        var secondSeen = new List<long>();
        while (secondSeen.Count < total - firstSeen.Count)
        {
            var (target, argument) = await second.NextAsync(Wait);
            Assert.Equal("event", target);
            secondSeen.Add(argument.GetProperty("id").GetInt64());
        }

        Assert.Equal(appended, firstSeen.Select(s => s.Id).Concat(secondSeen));
        Assert.False(await second.AnyWithinAsync(TimeSpan.FromMilliseconds(500)));
    }
}
