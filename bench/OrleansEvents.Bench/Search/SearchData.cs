using System.Diagnostics;
using Npgsql;

namespace OrleansEvents.Bench.Search;

/// <summary>
/// One tenant's synthetic events, generated inside PostgreSQL so a million rows take minutes, not
/// hours of round trips. Each searched value has a known share of the events, so every query kind
/// below asks something with a known number of answers.
/// </summary>
public static class SearchData
{
    public const string Tenant = "bench";

    public static readonly string[] Names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"];

    public static readonly string[] Surnames = ["Müller", "Smith", "Tanaka", "Okafor", "Silva", "Novak", "Kowalski", "Haddad"];

    public static readonly string[] Subtypes =
        ["send_failed", "delivered", "job_late", "job_failed", "disconnected", "payment_declined", "login_failed", "renewed", "quota_exceeded", "timeout"];

    private const int Chunk = 100_000;

    /// <summary>Fills the events table up to <paramref name="events"/> rows; the search indexes are built after the load, as for any bulk load.</summary>
    public static async Task FillAsync(NpgsqlDataSource dataSource, int events)
    {
        var present = Convert.ToInt32(await Scalar(dataSource, $"SELECT count(*) FROM events WHERE tenant_id = '{Tenant}'"));
        if (present >= events)
        {
            Console.WriteLine($"  {present:N0} events already there");
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        await Execute(dataSource, "DROP INDEX IF EXISTS ix_events_search_text, ix_events_context");
        for (var from = present + 1; from <= events; from += Chunk)
        {
            await Execute(dataSource, Insert(from, Math.Min(events, from + Chunk - 1)));
            Console.WriteLine($"  {Math.Min(events, from + Chunk - 1):N0} events after {stopwatch.Elapsed.TotalSeconds:0} s");
        }

        // The indexes of sql/postgres/009_search.sql, as they are there.
        await Execute(dataSource, "SET maintenance_work_mem = '512MB'; " +
                                  "CREATE INDEX ix_events_search_text ON events USING gin (search_text gin_trgm_ops); " +
                                  "CREATE INDEX ix_events_context ON events USING gin (context jsonb_path_ops); ANALYZE events");
        Console.WriteLine($"  indexed after {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    private static string Insert(int from, int to) => $"""
        INSERT INTO events (tenant_id, event_id, stream, version, "timestamp", recorded_at, category, severity, event_type, message, source, lead_id, context)
        SELECT '{Tenant}', 'e' || g, 'lead/' || (g % 50000), g, now() - (g || ' s')::interval, now(),
            (ARRAY['whatsapp','scheduler','device','stripe','auth','account'])[1 + g % 6],
            (ARRAY['info','info','info','warning','error','critical'])[1 + (g / 7) % 6],
            (ARRAY['whatsapp','scheduler','device','stripe','auth','account'])[1 + g % 6] || '.' || ({Array(Subtypes)})[1 + (g / 3) % 10],
            (ARRAY['Send failed','Job took longer than expected','Device went offline','Payment was declined','Login attempt rejected','Quota exceeded'])[1 + (g / 11) % 6]
                || ' for ' || ({Array(Names)})[1 + (g / 13) % 10] || ' #' || (g % 9973),
            'backend', 'lead-' || (g % 50000),
            jsonb_build_object('order_id', 'ord-' || md5(g::text)::uuid, 'customer', ({Array(Surnames)})[1 + (g / 17) % 8] || '-' || (g % 2000),
                'attempt', g % 7, 'gateway', (ARRAY['twilio','meta','stripe','adyen'])[1 + g % 4], 'note', 'retry ' || substr(md5((g * 7)::text), 1, 10))
        FROM generate_series({from}, {to}) AS g
        """;

    private static string Array(string[] values) => "ARRAY[" + string.Join(',', values.Select(v => $"'{v}'")) + "]";

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
