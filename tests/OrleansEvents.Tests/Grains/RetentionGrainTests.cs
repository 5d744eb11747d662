using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Grains;

/// <summary>Retention through its daily reminder, driven by the fake clock, on both stores.</summary>
public sealed class RetentionGrainTests
{
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
    public async Task ARepeatedTickDeletesNothingMoreAndRecordsNothingTwice(string provider)
    {
        await using var silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider), Policy);
        await SeedAsync(silo, silo.Clock.GetUtcNow());
        silo.Clock.Advance(TimeSpan.FromHours(14) + TimeSpan.FromSeconds(1));
        var first = (await WaitForRunAsync(silo, 1)).Single();

        // Deliver the same occurrence again, as after a silo died between running the tick and recording it.
        await RewindReminderOneDayAsync(silo, provider);
        silo.Clock.Advance(TimeSpan.FromSeconds(2));
        await WaitUntilReminderMovedOnAsync(silo, provider);

        var completed = (await silo.Log.QueryAsync("default", new EventFilter { EventType = "retention.cleanup_completed" })).Events;
        Assert.Equal(first.Id, Assert.Single(completed).Id);
        Assert.Equal(4, (await silo.Log.QueryAsync("acme", new EventFilter { Limit = 1000 })).Events.Count);
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

    private static async Task RewindReminderOneDayAsync(EventSilo silo, string provider)
    {
        var sql = provider == "postgres"
            ? "UPDATE reminders SET due_at = due_at - interval '1 day' WHERE name = 'daily-cleanup'"
            : "UPDATE reminders SET due_at = due_at - period_ms WHERE name = 'daily-cleanup'";
        await ExecuteAsync(silo, provider, sql);
    }

    private static async Task WaitUntilReminderMovedOnAsync(EventSilo silo, string provider)
    {
        var sql = provider == "postgres"
            ? $"SELECT count(*) FROM reminders WHERE name = 'daily-cleanup' AND due_at > '{silo.Clock.GetUtcNow().AddHours(12):O}'::timestamptz"
            : "SELECT count(*) FROM reminders WHERE name = 'daily-cleanup' AND due_at > " + silo.Clock.GetUtcNow().AddHours(12).ToUnixTimeMilliseconds();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Convert.ToInt64(await ExecuteAsync(silo, provider, sql)) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The rewound reminder did not fire again.");
            await Task.Delay(20);
        }
    }

    private static async Task<object?> ExecuteAsync(EventSilo silo, string provider, string sql)
    {
        await using System.Data.Common.DbConnection connection = provider == "postgres"
            ? await silo.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync()
            : await silo.Services.GetRequiredService<OrleansEvents.Storage.Sqlite.SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
