using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using OrleansEvents.Events;

namespace OrleansEvents.Storage.Postgres;

internal sealed partial class PostgresEventLog
{
    // Each stream of the batch is locked first, with a transaction-scoped advisory lock, in one fixed
    // order (so two batches never deadlock). Taking it needs no transaction id, so a batch waiting
    // for a stream gets its id only after the batch before it committed: within a stream, the log's
    // (transaction id, id) order is version order, and subscribers see a stream's events in order.
    private const string LockStreamsSql =
        "SELECT pg_advisory_xact_lock(k.key) FROM unnest($1::bigint[]) WITH ORDINALITY AS k(key, ordinal) ORDER BY k.ordinal";

    // LATERAL keeps both lookups index probes per key, whatever the generic plan of the prepared
    // statement guesses about the arrays' sizes (a hash join would scan the whole table).
    private const string ReadHeadsSql =
        "SELECT h.tenant_id, h.stream, s.version FROM unnest($1::text[], $2::text[]) AS h(tenant_id, stream) " +
        "CROSS JOIN LATERAL (SELECT version FROM streams WHERE tenant_id = h.tenant_id AND stream = h.stream) AS s";

    private const string FindStoredSql =
        $"SELECT e.* FROM unnest($1::text[], $2::text[]) AS k(tenant_id, event_id) " +
        $"CROSS JOIN LATERAL (SELECT {EventColumns.All} FROM events WHERE tenant_id = k.tenant_id AND event_id = k.event_id) AS e";

    // The guard checks each row against the head its versions were counted from, so no version is
    // ever reused (even after retention deleted a stream's newest events) or skipped: a row whose
    // stream is elsewhere gets version 0, which ck_events_version refuses, and the whole transaction with it.
    private const string InsertSql =
        "INSERT INTO events (tenant_id, event_id, stream, version, \"timestamp\", recorded_at, category, severity, event_type, " +
        "message, source, lead_id, session_id, device_id, account_id, workflow_id, context) " +
        "SELECT e.tenant_id, e.event_id, e.stream, " +
        "CASE WHEN coalesce((SELECT h.version FROM streams h WHERE h.tenant_id = e.tenant_id AND h.stream = e.stream), 0) = e.head_before " +
        "THEN e.version ELSE 0 END, e.ts, $1, e.category, e.severity, e.event_type, e.message, e.source, " +
        "e.lead_id, e.session_id, e.device_id, e.account_id, e.workflow_id, CAST(e.context AS jsonb) " +
        "FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[], $7::text[], $8::text[], $9::text[], " +
        "$10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::bigint[]) WITH ORDINALITY " +
        "AS e(tenant_id, event_id, stream, version, ts, category, severity, event_type, message, source, lead_id, session_id, " +
        "device_id, account_id, workflow_id, context, head_before, ordinal) " +
        // Ids are drawn in this order, so a batch keeps its order in the log.
        "ORDER BY e.ordinal " +
        // What the server assigned, not the whole row: the rest is what was sent, and sending it back
        // (its context through jsonb's text form) was a good part of an append's cost on both ends.
        "RETURNING id, transaction_id, tenant_id, event_id";

    // New streams get their head row here. Heads only move forward.
    private const string MoveHeadsSql =
        "INSERT INTO streams AS h (tenant_id, stream, version) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) " +
        "ON CONFLICT (tenant_id, stream) DO UPDATE SET version = EXCLUDED.version WHERE h.version < EXCLUDED.version";

    /// <summary>
    /// The usual case is one round trip, commit included: stream grains know their heads, so the
    /// events are versioned from those hints and inserted in an implicit transaction, reading nothing
    /// first and locking nothing. A stale hint collides with a stored version or event id (unique
    /// indexes) or trips the insert's head guard; the database then refuses the whole transaction,
    /// and the caller writes it again the careful way. The log keeps each stream in version order
    /// without the stream lock: a hint names a head that has committed, so the transaction writing
    /// the next version starts after that commit and gets the later transaction id.
    /// </summary>
    protected override async Task<IReadOnlyList<AppendOutcome>?> TryAppendFromHintsAsync(AppendPlan plan, CancellationToken cancellationToken)
    {
        if (!plan.TryAssignFromHints())
        {
            return null;
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return plan.Outcomes(AppendPlan.NothingStored, await WriteRowsAsync(connection, null, plan, cancellationToken));
        }
        catch (PostgresException exception) when (IsStaleHint(exception))
        {
            return null;
        }
        catch (Exception exception) when (PostgresFailures.IsUnavailable(exception))
        {
            throw PostgresFailures.Unavailable(exception);
        }
    }

    /// <summary>The careful way, under stream locks and after reading heads and stored ids: never trips the guard.</summary>
    protected override async Task<IReadOnlyList<AppendOutcome>> AppendAsync(
        DbConnection connection, DbTransaction dbTransaction, AppendPlan plan, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var transaction = (NpgsqlTransaction)dbTransaction;
        var heads = new Dictionary<StreamKey, long>();
        Dictionary<EventKey, StoredEvent> stored;
        await using (var lookup = new NpgsqlBatch(npgsql, transaction))
        {
            var tenants = plan.StreamKeys.Select(k => k.TenantId).ToArray();
            var streams = plan.StreamKeys.Select(k => k.Stream).ToArray();
            lookup.BatchCommands.Add(Statement(LockStreamsSql, StreamLockKeys.For(plan.StreamKeys)));
            lookup.BatchCommands.Add(Statement(ReadHeadsSql, tenants, streams));
            lookup.BatchCommands.Add(Statement(FindStoredSql,
                plan.EventKeys.Select(k => k.TenantId).ToArray(), plan.EventKeys.Select(k => k.EventId).ToArray()));
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            await NextRowsAsync(reader, cancellationToken); // past the locks
            while (await reader.ReadAsync(cancellationToken))
            {
                heads[new StreamKey(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
            }

            await NextRowsAsync(reader, cancellationToken);
            stored = (await Rows.ReadAllAsync(reader, cancellationToken)).ToDictionary(e => new EventKey(e.TenantId, e.EventId));
        }

        plan.Assign(heads, stored);
        if (plan.Rows.Count == 0)
        {
            return plan.Outcomes(stored, []);
        }

        return plan.Outcomes(stored, await WriteRowsAsync(npgsql, transaction, plan, cancellationToken));
    }

    /// <summary>Inserts the planned rows and moves the heads, in <paramref name="transaction"/> or else in one implicit transaction.</summary>
    private async Task<List<StoredEvent>> WriteRowsAsync(
        NpgsqlConnection npgsql, NpgsqlTransaction? transaction, AppendPlan plan, CancellationToken cancellationToken)
    {
        var recordedAt = Validation.EventValidator.ToStoredPrecision(Clock.GetUtcNow());
        await using var write = new NpgsqlBatch(npgsql, transaction);
        write.BatchCommands.Add(InsertStatement(plan, recordedAt));
        write.BatchCommands.Add(Statement(MoveHeadsSql,
            plan.NewHeads.Keys.Select(k => k.TenantId).ToArray(),
            plan.NewHeads.Keys.Select(k => k.Stream).ToArray(),
            plan.NewHeads.Values.ToArray()));
        await using var reader = await write.ExecuteReaderAsync(cancellationToken);
        var planned = plan.Rows.ToDictionary(r => new EventKey(r.TenantId, r.Event.EventId));
        var stored = new List<StoredEvent>(plan.Rows.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(planned[new EventKey(reader.GetString(2), reader.GetString(3))].Stored(reader.GetInt64(0), Rows.ReadTransactionIdOf(reader, 1), recordedAt));
        }

        return stored;
    }

    private static bool IsStaleHint(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.UniqueViolation
        || (exception.SqlState == PostgresErrorCodes.CheckViolation && exception.ConstraintName == "ck_events_version");

    /// <summary>Moves to the next result that has columns, skipping statements that return none.</summary>
    private static async Task NextRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        while (await reader.NextResultAsync(cancellationToken) && reader.FieldCount == 0)
        {
        }
    }

    private static NpgsqlBatchCommand InsertStatement(AppendPlan plan, DateTimeOffset recordedAt)
    {
        var rows = plan.Rows;
        string?[] Column(Func<PendingEvent, string?> field) => rows.Select(r => field(r.Event)).ToArray();
        return Statement(
            InsertSql,
            recordedAt,
            rows.Select(r => r.TenantId).ToArray(),
            Column(e => e.EventId),
            Column(e => e.Stream.ToString()),
            rows.Select(r => r.Version).ToArray(),
            rows.Select(r => r.Event.Timestamp).ToArray(),
            Column(e => e.Category),
            Column(e => WireNames.Of(e.Severity)),
            Column(e => e.EventType),
            Column(e => e.Message),
            Column(e => e.Source),
            Column(e => e.LeadId),
            Column(e => e.SessionId),
            Column(e => e.DeviceId),
            Column(e => e.AccountId),
            Column(e => e.WorkflowId),
            Column(e => e.ContextJson),
            rows.Select(r => r.HeadBefore).ToArray());
    }

    private static NpgsqlBatchCommand Statement(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                string?[] texts => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = texts },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return command;
    }
}
