using Npgsql;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Storage;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// What a test that timed out waiting for notifications should say: where the log reader stands, where the
/// log ends, and on PostgreSQL which transactions in the whole cluster hold the settled horizon back.
/// </summary>
public static class LogReaderDiagnostics
{
    public static async Task<string> DescribeAsync(LogReaderWaker reader, IEventLog log, StoreSettings store)
    {
        var lines = new List<string>
        {
            await reader.CheckAsync() is { } status
                ? $"log reader at {status.Position} on {status.Silo}, last progress {status.LastProgressAt:O}, commits left to the poll {status.CommitsLeftToThePoll}"
                : $"log reader does not answer: {reader.LastFailure}",
        };
        try
        {
            lines.Add($"settled log end {await log.GetLogEndAsync()}");
            if (store.Settings.GetValueOrDefault("ConnectionStrings:Events") is { } connectionString && store.Provider == "postgres")
            {
                lines.AddRange(await DescribeHorizonAsync(connectionString));
            }
        }
        catch (Exception exception) when (exception is StorageUnavailableException or NpgsqlException)
        {
            lines.Add($"store not readable: {exception.Message}");
        }

        return string.Join('\n', lines);
    }

    private static async Task<IEnumerable<string>> DescribeHorizonAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        await using (var horizon = new NpgsqlCommand(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text, (SELECT max(transaction_id)::text || '-' || max(id) FROM events)", connection))
        await using (var reader = await horizon.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            lines.Add($"horizon xmin {reader.GetString(0)}, newest row {(reader.IsDBNull(1) ? "none" : reader.GetString(1))}");
        }

        await using var holders = new NpgsqlCommand(
            "SELECT datname, pid, state, backend_xid::text, now() - xact_start, left(query, 120) FROM pg_stat_activity " +
            "WHERE backend_xid IS NOT NULL ORDER BY xact_start", connection);
        await using var rows = await holders.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            lines.Add($"xid holder: db {rows.GetValue(0)}, pid {rows.GetValue(1)}, {rows.GetValue(2)}, xid {rows.GetValue(3)}, open {rows.GetValue(4)}: {rows.GetValue(5)}");
        }

        return lines;
    }
}
