using Npgsql;

namespace OrleansEvents.ClusterTests.Infrastructure;

/// <summary>The <see cref="LoadWriters.EventType"/> events as the database holds them, in log order.</summary>
public sealed record StoredLoad(IReadOnlyList<StoredLoad.Row> Rows)
{
    public sealed record Row(long Id, string EventId, string Stream, long Version);

    public static async Task<StoredLoad> ReadAsync(string connectionString, string run)
    {
        // Unpooled: a pooled connection may be one the server dropped when a test restarted it.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, event_id, stream, version FROM events WHERE event_type = @type AND event_id LIKE @run ORDER BY transaction_id, id", connection);
        command.Parameters.AddWithValue("type", LoadWriters.EventType);
        command.Parameters.AddWithValue("run", run + "-%");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return new StoredLoad(rows);
    }

    /// <summary>Streams whose versions are not exactly 1, 2, … n.</summary>
    public IEnumerable<string> StreamsWithGaps() => Rows.GroupBy(row => row.Stream)
        .Where(stream => !stream.Select(row => row.Version).Order().SequenceEqual(Enumerable.Range(1, stream.Count()).Select(v => (long)v)))
        .Select(stream => stream.Key);
}
