using Microsoft.Extensions.Time.Testing;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Grains;

/// <summary>Retention through its daily Orleans reminder (ticking every second here), driven by the fake clock, on both stores.</summary>
public sealed class RetentionGrainTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => new("sqlite", "postgres");

    private static readonly Dictionary<string, string?> Policy = new()
    {
        ["Events:Retention:Days"] = "30",
        ["Events:Retention:SeverityDays:Info"] = "7",
        ["Events:Retention:CategoryDays:stripe"] = "0",
        ["Events:Retention:BatchSize"] = "3",
        ["Events:Retention:CleanupTime"] = "02:00",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DailyReminderAppliesThePolicySparesOpenProblemsAndRecordsItsRun(string provider)
    {
        await using var silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider), Policy);
        var now = silo.Clock.GetUtcNow();
        var ids = await SeedAsync(silo, now);

        // 12:00 now; the next 02:00 is 14 hours away.
        silo.Clock.Advance(TimeSpan.FromHours(14) + TimeSpan.FromSeconds(1));
        var completed = await WaitForRunAsync(silo, 1);

        var left = (await silo.Log.QueryAsync("acme", new EventFilter { Limit = 1000 })).Events.Select(e => e.Message).Order().ToList();
        Assert.Equal(["info 3 days", "open error 40 days", "stripe 400 days", "warning 10 days"], left);
        var context = completed[0].Context!.Value;
        Assert.Equal(3, context.GetProperty("deleted").GetInt64());
        Assert.Equal("daily", context.GetProperty("trigger").GetString());
        Assert.True(context.GetProperty("batches").GetInt32() >= 2);
        Assert.Equal("system/silo", completed[0].Stream.ToString());
        Assert.Null(await silo.Log.GetAsync("acme", ids["resolved error 40 days"]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADayThatRanRunsNoMoreAfterARestart(string provider)
    {
        var store = await EventSilo.FreshStoreAsync(provider);
        var clock = new FakeTimeProvider(Noon);
        StoredEvent first;
        await using (var silo = await EventSilo.StartAsync(store, Policy, clock))
        {
            await SeedAsync(silo, clock.GetUtcNow());
            clock.Advance(TimeSpan.FromHours(14) + TimeSpan.FromSeconds(1));
            first = (await WaitForRunAsync(silo, 1)).Single();
        }

        // The restarted silo schedules again and looks for a day it owes a run: it owes none.
        await using var restarted = await EventSilo.StartAsync(store, Policy, clock);

        var completed = (await restarted.Log.QueryAsync("default", new EventFilter { EventType = "retention.cleanup_completed" })).Events;
        Assert.Equal(first.Id, Assert.Single(completed).Id);
        Assert.Equal(4, (await restarted.Log.QueryAsync("acme", new EventFilter { Limit = 1000 })).Events.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADayMissedWhileTheSiloWasDownRunsOnceWhenItIsBack(string provider)
    {
        var store = await EventSilo.FreshStoreAsync(provider);
        var clock = new FakeTimeProvider(Noon);
        await using (var silo = await EventSilo.StartAsync(store, Policy, clock))
        {
            await SeedAsync(silo, clock.GetUtcNow());
        }

        // Down over 02:00, and well past it.
        clock.Advance(TimeSpan.FromHours(20));
        await using var restarted = await EventSilo.StartAsync(store, Policy, clock);

        var completed = await WaitForRunAsync(restarted, 1);
        var context = Assert.Single(completed).Context!.Value;
        Assert.Equal("daily", context.GetProperty("trigger").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), context.GetProperty("scheduled_at").GetDateTimeOffset());
        Assert.Equal(3, context.GetProperty("deleted").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheFirstStartOwesNoRunForTheDayBeforeIt(string provider)
    {
        // 12:00: today's 02:00 has passed, but the schedule did not exist then.
        await using var silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider), Policy);
        await SeedAsync(silo, silo.Clock.GetUtcNow());

        var completed = (await silo.Log.QueryAsync("default", new EventFilter { EventType = "retention.cleanup_completed" })).Events;
        Assert.Empty(completed);
        Assert.Equal(7, (await silo.Log.QueryAsync("acme", new EventFilter { Limit = 1000 })).Events.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DryRunCountsPerSeverityAndDeletesNothing(string provider)
    {
        await using var silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider), Policy);
        await SeedAsync(silo, silo.Clock.GetUtcNow());

        var report = await silo.Grains.GetGrain<IRetentionGrain>(IRetentionGrain.ClusterKey).RunAsync(dryRun: true);

        Assert.True(report.DryRun);
        Assert.Equal(3, report.Deleted);
        Assert.Equal(2, report.BySeverity[Severity.Info]);
        Assert.Equal(1, report.BySeverity[Severity.Error]);
        Assert.Equal(7, (await silo.Log.QueryAsync("acme", new EventFilter { Limit = 1000 })).Events.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ZeroDaysKeepsEverything(string provider)
    {
        await using var silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider),
            new Dictionary<string, string?> { ["Events:Retention:Days"] = "0" });
        await SeedAsync(silo, silo.Clock.GetUtcNow());

        var report = await silo.Grains.GetGrain<IRetentionGrain>(IRetentionGrain.ClusterKey).RunAsync(dryRun: false);

        Assert.Equal(0, report.Deleted);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StreamGrainsCountAgainAfterRetentionDeletedTheirEvents(string provider)
    {
        await using var silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider), Policy);
        var now = silo.Clock.GetUtcNow();
        var lead = silo.Grains.For("acme", StreamId.Lead("old"));
        await lead.AppendBatchAsync([TestEvents.New(leadId: "old", timestamp: now.AddDays(-60)), TestEvents.New(leadId: "old")]);
        Assert.Equal(2, (await lead.GetSummaryAsync()).Total);

        await silo.Grains.GetGrain<IRetentionGrain>(IRetentionGrain.ClusterKey).RunAsync(dryRun: false);

        var summary = await lead.GetSummaryAsync();
        Assert.Equal(1, summary.Total);
        Assert.Equal(2, summary.Version);
    }

    /// <summary>Ten events: what the policy above deletes is marked in their messages.</summary>
    private static async Task<Dictionary<string, long>> SeedAsync(EventSilo silo, DateTimeOffset now)
    {
        (string Message, string Severity, string Category, int DaysAgo)[] seed =
        [
            ("info 3 days", "info", "app", 3),             // kept: info keeps 7 days
            ("info 8 days", "info", "app", 8),             // deleted
            ("info 9 days", "info", "app", 9),             // deleted
            ("warning 10 days", "warning", "app", 10),     // kept: default 30 days
            ("resolved error 40 days", "error", "app", 40),// deleted
            ("open error 40 days", "error", "app", 40),    // kept: unresolved
            ("stripe 400 days", "info", "stripe", 400),    // kept: stripe forever
        ];
        var appended = await silo.Commands.AppendAsync("acme", seed.Select(s =>
            TestEvents.New($"{s.Category}.thing", s.Severity, s.Message, category: s.Category, timestamp: now.AddDays(-s.DaysAgo))).ToList());
        var resolved = appended.Single(a => a.Event.Message == "resolved error 40 days").Event.Id;
        await silo.Commands.ResolveAsync("acme", [resolved], ResolvedBy.Auto, null);
        return appended.ToDictionary(a => a.Event.Message, a => a.Event.Id);
    }

    private static async Task<List<StoredEvent>> WaitForRunAsync(EventSilo silo, int runs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var completed = (await silo.Log.QueryAsync("default", new EventFilter { EventType = "retention.cleanup_completed" })).Events.ToList();
            if (completed.Count >= runs)
            {
                return completed;
            }

            Assert.True(DateTime.UtcNow < deadline, "The daily retention run did not happen.");
            await Task.Delay(20);
        }
    }
}
