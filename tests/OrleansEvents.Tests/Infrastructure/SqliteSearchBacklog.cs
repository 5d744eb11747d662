using Microsoft.Data.Sqlite;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>The SQLite store's rows waiting for q's search index (sql/sqlite/011).</summary>
public static class SqliteSearchBacklog
{
    /// <summary>Indexes every waiting row, as the silo's indexer would in the background.</summary>
    public static async Task IndexAllAsync(SqliteEventLogFixture fixture)
    {
        var log = (SqliteEventLog)fixture.Log;
        while (await log.IndexSearchBacklogAsync(SqliteSearchIndexer.BatchRows) > 0)
        {
        }
    }

    /// <summary>The id up to which every row is in the index.</summary>
    public static async Task<long> IndexedThroughAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT indexed_through FROM search_backlog", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many rows the FTS5 index has for <paramref name="q"/>, without the rows still waiting.</summary>
    public static async Task<long> IndexedMatchesAsync(string databasePath, string q)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT count(*) FROM events_search WHERE events_search MATCH @q", connection);
        command.Parameters.AddWithValue("@q", "\"" + q + "\"");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
