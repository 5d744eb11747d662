using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Grains;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;
using OrleansEvents.Validation;

namespace OrleansEvents.Tests.Grains;

public abstract class StatsAndReplayContract(string provider) : IAsyncLifetime
{
    private EventSilo? _silo;

    private EventSilo Silo => _silo!;

    public async Task InitializeAsync() => _silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider),
        new Dictionary<string, string?> { ["Events:Replay:MaxEvents"] = "50", ["Events:Replay:BackgroundAbove"] = "20", ["Events:Stats:CacheFor"] = "00:00:05" });

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    [Fact]
    public async Task StatsFollowAppendsResolvesAndDeletesOnceTheCacheExpires()
    {
        var stats = Silo.Grains.GetGrain<IStatsGrain>("acme");
        var appended = await Silo.Commands.AppendAsync("acme",
            [TestEvents.New("a.b", "error"), TestEvents.New("a.b", "warning"), TestEvents.New("c.d", "info", category: "ops")]);
        var first = await stats.GetStatsAsync();

        await Silo.Commands.ResolveAsync("acme", [appended[0].Event.Id], ResolvedBy.Human, null);
        await Silo.Commands.DeleteAsync("acme", appended[2].Event.Id);
        var cached = await stats.GetStatsAsync();
        Silo.Clock.Advance(TimeSpan.FromSeconds(6));
        var fresh = await stats.GetStatsAsync();

        Assert.Equal((3L, 2L, 2L), (first.Total, first.Unresolved, first.ByCategory["a"]));
        Assert.Same(first, cached);
        Assert.Equal((2L, 1L, 0L), (fresh.Total, fresh.Unresolved, fresh.BySeverity[Severity.Info]));
        Assert.Equal(new KeyValuePair<string, long>("a.b", 2), fresh.ByType[0]);
        Assert.Equal(2, fresh.Last24Hours);
    }

    [Fact]
    public async Task ReplayDryRunCountsShowsTheFirstMatchesAndStoresNothing()
    {
        await Silo.Commands.AppendAsync("acme", Enumerable.Range(0, 15).Select(i => TestEvents.New(sessionId: "session123", message: $"m{i}")).ToList());
        var before = (await Silo.Log.QueryAsync("acme", new EventFilter { IncludeTotal = true })).Total;

        var report = await Silo.Grains.GetGrain<IReplayGrain>("acme").DryRunAsync(new ReplayRequest { SessionId = "session123" });

        Assert.True(report.DryRun);
        Assert.Equal(15, report.EventsFound);
        Assert.Equal(0, report.EventsReplayed);
        Assert.Equal(["m0", "m1", "m2"], report.Sample.Take(3).Select(e => e.Message));
        Assert.Equal(before, (await Silo.Log.QueryAsync("acme", new EventFilter { IncludeTotal = true })).Total);
        Assert.DoesNotContain(Silo.Notifications, n => n.Kind == NotificationKind.Replayed);
    }

    [Fact]
    public async Task ReplayRepublishesInStoredOrderFlaggedAndStoresNothingButItsAuditEvents()
    {
        var appended = await Silo.Commands.AppendAsync("acme", Enumerable.Range(0, 12).Select(i => TestEvents.New(leadId: "7", message: $"m{i}")).ToList());
        await Silo.Commands.AppendAsync("globex", [TestEvents.New(leadId: "7")]);

        var report = await Silo.Grains.GetGrain<IReplayGrain>("acme").ReplayAsync(new ReplayRequest { LeadId = "7" }, "ops@example.com");

        Assert.Equal((12L, 12L, 0L, ReplayState.Completed), (report.EventsFound, report.EventsReplayed, report.EventsFailed, report.State));
        var replayed = await Silo.WaitForNotificationsAsync(seen => seen.Count(n => n.Kind == NotificationKind.Replayed) >= 12);
        Assert.Equal(appended.Select(a => a.Event.Id), replayed.Where(n => n.Kind == NotificationKind.Replayed).Select(n => n.Event.Id));
        Assert.All(replayed.Where(n => n.Kind == NotificationKind.Replayed), n => Assert.Equal(report.ReplayId, n.ReplayId));
        Assert.Equal(12, (await Silo.Log.QueryAsync("acme", new EventFilter { LeadId = "7", IncludeTotal = true })).Total);
        var audit = (await Silo.Log.QueryAsync("acme", new EventFilter { Stream = StreamId.System("replay") })).Events;
        Assert.Equal(["replay.completed", "replay.started"], audit.Select(e => e.EventType));
        Assert.Equal("ops@example.com", audit[0].Context!.Value.GetProperty("requested_by").GetString());
        Assert.Equal(12, audit[0].Context!.Value.GetProperty("events_replayed").GetInt64());
    }

    [Fact]
    public async Task ReplayIsCappedAndLargeReplaysRunInTheBackground()
    {
        await Silo.Commands.AppendAsync("acme", Enumerable.Range(0, 80).Select(i => TestEvents.New(deviceId: "big", message: $"m{i}")).ToList());
        var replay = Silo.Grains.GetGrain<IReplayGrain>("acme");

        var started = await replay.ReplayAsync(new ReplayRequest { DeviceId = "big" }, "ops");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var progress = started;
        while (progress.State == ReplayState.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            progress = (await replay.GetProgressAsync(started.ReplayId!))!;
        }

        Assert.Equal(80, started.EventsFound);
        Assert.Equal((ReplayState.Completed, 50L), (progress.State, progress.EventsReplayed));
        Assert.Null(await replay.GetProgressAsync("rpl_unknown"));
        Assert.False(await replay.CancelAsync(started.ReplayId!));
        var small = await replay.ReplayAsync(new ReplayRequest { DeviceId = "big", Max = 5 }, "ops");
        Assert.Equal((ReplayState.Completed, 5L), (small.State, small.EventsReplayed));
    }

    [Fact]
    public async Task ReplayWithoutAnyCriterionIsRefused()
    {
        var replay = Silo.Grains.GetGrain<IReplayGrain>("acme");

        var failure = await Assert.ThrowsAsync<EventValidationException>(() => replay.DryRunAsync(new ReplayRequest { Max = 10 }));

        Assert.Equal("filter", Assert.Single(failure.Errors).Field);
    }
}

public sealed class SqliteStatsAndReplayTests() : StatsAndReplayContract("sqlite");

public sealed class PostgresStatsAndReplayTests() : StatsAndReplayContract("postgres");
