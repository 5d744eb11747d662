using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;
using OrleansEvents.Storage;
using OrleansEvents.Storage.Sqlite;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

/// <summary>q's FTS5 index on SQLite is filled in batches after the appends, and a search never misses a row meanwhile.</summary>
public sealed class SqliteSearchIndexerTests(SqliteEventLogFixture fixture) : IClassFixture<SqliteEventLogFixture>
{
    private readonly string _tenant = TestEvents.Tenant();

    private SqliteEventLog Log => (SqliteEventLog)fixture.Log;

    [Fact]
    public async Task AnAppendLeavesItsRowsForTheIndexerWhichTakesThemInBatchesOfTheOldestFirst()
    {
        await SqliteSearchBacklog.IndexAllAsync(fixture);
        var before = await SqliteSearchBacklog.IndexedThroughAsync(fixture.DatabasePath);
        var appended = await Log.AppendAsync(_tenant, Enumerable.Range(0, 5).Select(i => TestEvents.New(message: $"batched {_tenant} {i}")).ToList());

        Assert.Equal(before, await SqliteSearchBacklog.IndexedThroughAsync(fixture.DatabasePath));
        Assert.Equal(0, await SqliteSearchBacklog.IndexedMatchesAsync(fixture.DatabasePath, $"batched {_tenant}"));

        Assert.Equal(3, await Log.IndexSearchBacklogAsync(3));
        Assert.Equal(appended[2].Event.Id, await SqliteSearchBacklog.IndexedThroughAsync(fixture.DatabasePath));
        Assert.Equal(2, await Log.IndexSearchBacklogAsync(3));
        Assert.Equal(0, await Log.IndexSearchBacklogAsync(3));
        Assert.Equal(appended[^1].Event.Id, await SqliteSearchBacklog.IndexedThroughAsync(fixture.DatabasePath));
        Assert.Equal(5, await SqliteSearchBacklog.IndexedMatchesAsync(fixture.DatabasePath, $"batched {_tenant}"));
    }

    [Fact]
    public async Task ASearchFindsRowsOnBothSidesOfTheIndexedMark()
    {
        await Log.AppendAsync(_tenant, [TestEvents.New(message: "card declined, indexed")]);
        await SqliteSearchBacklog.IndexAllAsync(fixture);
        await Log.AppendAsync(_tenant, [TestEvents.New(message: "card declined, waiting"), TestEvents.New(message: "card accepted")]);

        Assert.Equal(["card declined, indexed", "card declined, waiting"], await FoundAsync("declined"));
    }

    [Fact]
    public async Task ARowEditedOrDeletedBeforeItIsIndexedIsIndexedAsItIsThen()
    {
        var appended = await Log.AppendAsync(_tenant,
        [
            TestEvents.New(message: "edited", contextJson: """{"note":"first draft"}"""),
            TestEvents.New(message: "deleted", contextJson: """{"note":"first draft"}"""),
        ]);
        await Log.UpdateAsync(_tenant, appended[0].Event.Id, new EventUpdate { Context = JsonDocument.Parse("""{"note":"second take"}""").RootElement });
        await Log.DeleteAsync(_tenant, appended[1].Event.Id);

        await SqliteSearchBacklog.IndexAllAsync(fixture);

        Assert.Empty(await FoundAsync("first draft"));
        Assert.Equal(["edited"], await FoundAsync("second take"));
        Assert.Equal(1, await SqliteSearchBacklog.IndexedMatchesAsync(fixture.DatabasePath, "second take"));
    }

    [Fact]
    public async Task TheSilosIndexerFillsTheIndexInTheBackground()
    {
        var path = Path.Combine(Path.GetDirectoryName(fixture.DatabasePath)!, $"indexer-{Guid.NewGuid():N}.db");
        var settings = StorageHost.Sqlite(path);
        settings["Storage:Sqlite:SearchIndexInterval"] = "00:00:00.020";
        using var host = StorageHost.Build(settings);
        await host.Services.MigrateEventStorageAsync();
        await host.StartAsync();
        try
        {
            // Over a batch: the indexer takes it in two transactions.
            var log = host.Services.GetRequiredService<IEventLog>();
            var appended = new List<AppendedEvent>();
            foreach (var chunk in Enumerable.Range(0, SqliteSearchIndexer.BatchRows + 10).Chunk(500))
            {
                appended.AddRange(await log.AppendAsync(_tenant, chunk.Select(i => TestEvents.New(message: $"background {i}")).ToList()));
            }

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (await SqliteSearchBacklog.IndexedThroughAsync(path) < appended[^1].Event.Id && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Equal(appended[^1].Event.Id, await SqliteSearchBacklog.IndexedThroughAsync(path));
            Assert.Equal(SqliteSearchIndexer.BatchRows + 10, await SqliteSearchBacklog.IndexedMatchesAsync(path, "background"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private async Task<List<string>> FoundAsync(string q) =>
        (await Log.QueryAsync(_tenant, new EventFilter { Text = q, Limit = 1000, Order = SortOrder.Ascending })).Events.Select(e => e.Message).ToList();
}
