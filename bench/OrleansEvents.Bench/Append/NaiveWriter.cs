using System.Diagnostics;
using Npgsql;

namespace OrleansEvents.Bench.Append;

/// <summary>
/// What services write by hand today: one INSERT per event in its own transaction, computing the
/// stream version with a subquery (and retrying the rare clash), over a fixed number of connections.
/// </summary>
public static class NaiveWriter
{
    private const string InsertSql =
        "INSERT INTO events (tenant_id, event_id, stream, version, \"timestamp\", recorded_at, category, severity, event_type, message, source, lead_id, context) " +
        "VALUES ($1, $2, $3, (SELECT coalesce(max(version), 0) + 1 FROM events WHERE tenant_id = $1 AND stream = $3), now(), now(), " +
        "'whatsapp', 'warning', 'whatsapp.send_failed', 'WhatsApp message could not be delivered', 'backend', $4, CAST($5 AS jsonb))";

    public static async Task<Measurement> RunAsync(string name, NpgsqlDataSource dataSource, string prefix, int streams, int connections, RunBudget budget)
    {
        var latencies = new List<double>[connections];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            var random = new Random(worker);
            await using var connection = await dataSource.OpenConnectionAsync();
            while (budget.Take(1) > 0)
            {
                var lead = $"{prefix}-{random.Next(streams)}";
                var started = Stopwatch.GetTimestamp();
                await InsertAsync(connection, lead);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return Measurement.From(name, stopwatch.Elapsed, latencies.SelectMany(l => l).ToList());
    }

    public static async Task InsertAsync(NpgsqlConnection connection, string lead)
    {
        while (true)
        {
            try
            {
                await using var command = new NpgsqlCommand(InsertSql, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = "bench" });
                command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7().ToString() });
                command.Parameters.Add(new NpgsqlParameter { Value = "lead/" + lead });
                command.Parameters.Add(new NpgsqlParameter { Value = lead });
                command.Parameters.Add(new NpgsqlParameter { Value = SampleEvents.ContextJson });
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Two writers computed the same next version; try again.
            }
        }
    }
}
