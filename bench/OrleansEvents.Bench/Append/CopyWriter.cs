using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace OrleansEvents.Bench.Append;

/// <summary>The physical limit: the same rows, binary COPY in large chunks over one connection, versions precomputed.</summary>
public static class CopyWriter
{
    private const int RowsPerCopy = 5000;

    public static async Task<Measurement> RunAsync(string name, NpgsqlDataSource dataSource, string prefix, int streams, RunBudget budget)
    {
        var versions = new long[streams];
        var random = new Random(7);
        var rows = 0L;
        var chunkLatencies = new List<double>();
        await using var connection = await dataSource.OpenConnectionAsync();
        var stopwatch = Stopwatch.StartNew();
        while (budget.Take(RowsPerCopy) is var chunk and > 0)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY events (tenant_id, event_id, stream, version, \"timestamp\", recorded_at, category, severity, event_type, message, source, lead_id, context) FROM STDIN (FORMAT BINARY)"))
            {
                var now = DateTimeOffset.UtcNow;
                for (var i = 0; i < chunk; i++)
                {
                    var stream = random.Next(streams);
                    var lead = $"{prefix}-{stream}";
                    await writer.StartRowAsync();
                    await writer.WriteAsync("bench", NpgsqlDbType.Text);
                    await writer.WriteAsync(Guid.CreateVersion7().ToString(), NpgsqlDbType.Text);
                    await writer.WriteAsync("lead/" + lead, NpgsqlDbType.Text);
                    await writer.WriteAsync(++versions[stream], NpgsqlDbType.Bigint);
                    await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync("whatsapp", NpgsqlDbType.Text);
                    await writer.WriteAsync("warning", NpgsqlDbType.Text);
                    await writer.WriteAsync("whatsapp.send_failed", NpgsqlDbType.Text);
                    await writer.WriteAsync("WhatsApp message could not be delivered", NpgsqlDbType.Text);
                    await writer.WriteAsync("backend", NpgsqlDbType.Text);
                    await writer.WriteAsync(lead, NpgsqlDbType.Text);
                    await writer.WriteAsync(SampleEvents.ContextJson, NpgsqlDbType.Jsonb);
                }

                await writer.CompleteAsync();
            }

            rows += chunk;
            chunkLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Measurement.From(name, stopwatch.Elapsed, chunkLatencies, rows);
    }
}
