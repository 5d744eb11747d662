using System.Diagnostics;
using Npgsql;

namespace OrleansEvents.Bench.Queries;

/// <summary>
/// Synthetic events, generated inside PostgreSQL so a million rows take minutes, not hours of round
/// trips. The queried tenant holds the asked-for number; three other tenants hold a tenth as many
/// between them, interleaved, as in a shared store. Texts follow the event's number, so each searched
/// value has a known share; the other fields follow a hash of it, with skewed shares as in a real log
/// (a category of 30 % and one of 5 %, 70 % info, a tenth of the problems still open), so each
/// filter's answer has a known size too.
/// </summary>
public static class QueryData
{
    public const string Tenant = "bench";

    /// <summary>Every eleventh event belongs to another tenant.</summary>
    public const int OtherTenantEvery = 11;

    public static readonly string[] Names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"];

    public static readonly string[] Surnames = ["Müller", "Smith", "Tanaka", "Okafor", "Silva", "Novak", "Kowalski", "Haddad"];

    public static readonly string[] Subtypes =
        ["send_failed", "delivered", "job_late", "job_failed", "disconnected", "payment_declined", "login_failed", "renewed", "quota_exceeded", "timeout"];

    /// <summary>Twenty buckets, so a category's share is its count in twentieths: whatsapp 30 %, stripe 5 %.</summary>
    public static readonly string[] CategoryBuckets =
    [
        "whatsapp", "whatsapp", "whatsapp", "whatsapp", "whatsapp", "whatsapp",
        "scheduler", "scheduler", "scheduler", "scheduler", "device", "device", "device", "device",
        "auth", "auth", "auth", "account", "account", "stripe",
    ];

    /// <summary>Leads: streams lead/lead-N and sessions of them carry lead_id lead-N.</summary>
    public const int Leads = 50_000;

    private const int Chunk = 100_000;

    /// <summary>All events stored for <paramref name="events"/> in the queried tenant.</summary>
    public static long TotalFor(int events) => events + events / (OtherTenantEvery - 1);

    /// <summary>Fills the events table up to <paramref name="events"/> rows of the queried tenant; the search indexes are built after the load, as for any bulk load.</summary>
    public static async Task FillAsync(NpgsqlDataSource dataSource, int events)
    {
        var total = TotalFor(events);
        // The silo's own events (tenant default) are not counted: they arrive while the bench starts.
        var present = Convert.ToInt64(await Scalar(dataSource, $"SELECT count(*) FROM events WHERE tenant_id = '{Tenant}' OR tenant_id LIKE 'other-%'"));
        if (present >= total)
        {
            Console.WriteLine($"  {present:N0} events already there");
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        await Execute(dataSource, "DROP INDEX IF EXISTS ix_events_search_trigrams, ix_events_context");
        for (var from = present + 1; from <= total; from += Chunk)
        {
            var to = Math.Min(total, from + Chunk - 1);
            await Execute(dataSource, Insert(from, to, total));
            Console.WriteLine($"  {to:N0} events after {stopwatch.Elapsed.TotalSeconds:0} s");
        }

        // The search indexes of sql/postgres/010_search_trigrams.sql and 009_search.sql, as they are there.
        await Execute(dataSource, "SET maintenance_work_mem = '512MB'; " +
                                  "CREATE INDEX ix_events_search_trigrams ON events USING gin (oe_search_trigrams(search_text) gin_trgm_ops); " +
                                  "CREATE INDEX ix_events_context ON events USING gin (context jsonb_path_ops)");

        // What autovacuum would do soon after such a load: statistics, and the visibility map index-only scans read.
        await Execute(dataSource, "VACUUM ANALYZE events");
        Console.WriteLine($"  indexed after {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    // Event g: tenant by g mod 11; stream kind by g mod 10 (half lead streams, a fifth sessions of a
    // lead, a fifth devices, a tenth system streams); category, severity and resolution by a hash of g.
    private static string Insert(long from, long to, long total) => $"""
        INSERT INTO events (tenant_id, event_id, stream, version, "timestamp", recorded_at, category, severity, event_type, message, source,
            lead_id, session_id, device_id, context, resolved, resolved_by, resolved_at, resolved_by_key)
        SELECT tenant_id, 'e' || g, CASE WHEN kind < 5 THEN 'lead/' || lead_id WHEN kind < 7 THEN 'session/' || session_id
                WHEN kind < 9 THEN 'device/' || device_id ELSE 'system/' || category END,
            g, at, at, category, severity, category || '.' || ({Array(Subtypes)})[1 + (g / 3) % 10],
            (ARRAY['Send failed','Job took longer than expected','Device went offline','Payment was declined','Login attempt rejected','Quota exceeded'])[1 + (g / 11) % 6]
                || ' for ' || ({Array(Names)})[1 + (g / 13) % 10] || ' #' || (g % 9973),
            (ARRAY['backend','backend','customer','staff'])[1 + (h / 7) % 4],
            CASE WHEN kind < 7 THEN lead_id END, CASE WHEN kind BETWEEN 5 AND 6 THEN session_id END, CASE WHEN kind BETWEEN 7 AND 8 THEN device_id END,
            jsonb_build_object('order_id', 'ord-' || md5(g::text)::uuid, 'customer', ({Array(Surnames)})[1 + (g / 17) % 8] || '-' || (g % 2000),
                'attempt', g % 7, 'gateway', (ARRAY['twilio','meta','stripe','adyen'])[1 + g % 4], 'note', 'retry ' || substr(md5((g * 7)::text), 1, 10)),
            resolved, CASE WHEN resolved THEN (ARRAY['human','auto'])[1 + (h / 3) % 2] END,
            CASE WHEN resolved THEN at + interval '1 hour' END, CASE WHEN resolved THEN 'ops' END
        FROM (
            SELECT g, kind, h, at, category, severity,
                CASE WHEN g % {OtherTenantEvery} = 0 THEN 'other-' || (g / {OtherTenantEvery} % 3 + 1) ELSE '{Tenant}' END AS tenant_id,
                'lead-' || (g / 10 % {Leads}) AS lead_id, 'sess-' || (g / 40) AS session_id, 'dev-' || (g % 4999) AS device_id,
                severity <> 'info' AND (h / 1000) % 10 <> 0 AS resolved
            FROM (
                SELECT g, g % 10 AS kind, h, now() - (({total} - g) || ' s')::interval AS at,
                    ({Array(CategoryBuckets)})[1 + h % 20] AS category,
                    CASE WHEN (h / 20) % 50 < 35 THEN 'info' WHEN (h / 20) % 50 < 45 THEN 'warning' WHEN (h / 20) % 50 < 49 THEN 'error' ELSE 'critical' END AS severity
                FROM (SELECT g, abs(hashint8(g)::bigint) AS h FROM generate_series({from}::bigint, {to}::bigint) AS g) AS hashed
            ) AS spread
        ) AS e
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
