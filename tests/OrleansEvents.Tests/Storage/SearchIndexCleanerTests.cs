using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;
using OrleansEvents.Storage.Postgres;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

/// <summary>Appends leave their entries in the search indexes' pending lists; the cleaner merges them in the background.</summary>
public sealed class SearchIndexCleanerTests
{
    [Fact]
    public async Task PendingSearchEntriesAreMergedWithoutAnyAppendWaitingForIt()
    {
        var server = await PostgresServer.Shared;
        using var host = StorageHost.Build(StorageHost.Postgres(await server.CreateDatabaseAsync("gin_clean")));
        await host.Services.MigrateEventStorageAsync();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await ExecuteAsync(dataSource, "CREATE EXTENSION IF NOT EXISTS pgstattuple");
        await host.Services.GetRequiredService<IEventLog>().AppendAsync("t", Enumerable.Range(0, 20)
            .Select(i => TestEvents.New(leadId: $"lead-{i}", contextJson: $$"""{"order":"A-{{i}}","note":"pending entries"}""")).ToList());
        Assert.True(await PendingAsync(dataSource) > 0, "appends put their index entries on the pending lists");

        var cleaner = new SearchIndexCleaner(
            dataSource, Options.Create(new PostgresStorageOptions { SearchIndexCleanInterval = TimeSpan.FromMilliseconds(50) }), NullLogger<SearchIndexCleaner>.Instance);
        await cleaner.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (await PendingAsync(dataSource) > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(0, await PendingAsync(dataSource));
        }
        finally
        {
            await cleaner.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<long> PendingAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT sum((pgstatginindex(i.indexrelid::regclass)).pending_tuples) FROM pg_index i " +
            "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = 'events'::regclass AND a.amname = 'gin'");
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
