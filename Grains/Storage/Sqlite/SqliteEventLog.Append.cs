using System.Data.Common;
using OrleansEvents.Events;
using OrleansEvents.Validation;

namespace OrleansEvents.Storage.Sqlite;

internal sealed partial class SqliteEventLog
{
    private const string InsertSql =
        "INSERT INTO events (tenant_id, event_id, stream, version, transaction_id, \"timestamp\", recorded_at, category, severity, " +
        "event_type, message, source, lead_id, session_id, device_id, account_id, workflow_id, context) " +
        "VALUES (@tenant_id, @event_id, @stream, @version, @transaction_id, @timestamp, @recorded_at, @category, @severity, " +
        "@event_type, @message, @source, @lead_id, @session_id, @device_id, @account_id, @workflow_id, @context) " +
        // Only what the store assigned: the rest of the row is what was sent, and reading it back costs.
        "RETURNING id";

    private static readonly string[] InsertParameters =
    [
        "@tenant_id", "@event_id", "@stream", "@version", "@transaction_id", "@timestamp", "@recorded_at", "@category", "@severity",
        "@event_type", "@message", "@source", "@lead_id", "@session_id", "@device_id", "@account_id", "@workflow_id", "@context",
    ];

    private const string MoveHeadSql =
        "INSERT INTO streams (tenant_id, stream, version) VALUES (@tenant_id, @stream, @version) " +
        "ON CONFLICT (tenant_id, stream) DO UPDATE SET version = excluded.version";

    // The batch's transaction id is the first id it will take: AUTOINCREMENT never hands an id out
    // twice, so this only grows, even after retention has deleted the newest events.
    private const string NextTransactionIdSql =
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) + 1";

    private const string HeadSql = "SELECT version FROM streams WHERE tenant_id = @tenant_id AND stream = @stream";

    protected override async Task<IReadOnlyList<AppendOutcome>> AppendAsync(
        DbConnection connection, DbTransaction transaction, AppendPlan plan, CancellationToken cancellationToken)
    {
        // The write lock is already held (BEGIN IMMEDIATE), so reading heads here is as good as locking them.
        var heads = new Dictionary<StreamKey, long>();
        await using (var command = Command(connection, HeadSql, new SqlArguments(), transaction))
        {
            var (tenant, stream) = (Parameter(command, "@tenant_id"), Parameter(command, "@stream"));
            foreach (var key in plan.StreamKeys)
            {
                tenant.Value = key.TenantId;
                stream.Value = key.Stream;
                if (await command.ExecuteScalarAsync(cancellationToken) is long version)
                {
                    heads[key] = version;
                }
            }
        }

        var stored = new Dictionary<EventKey, StoredEvent>();
        foreach (var tenant in plan.EventKeys.GroupBy(k => k.TenantId))
        {
            var arguments = new SqlArguments();
            var sql = $"SELECT {EventColumns.All} FROM events WHERE tenant_id = {arguments.Add(tenant.Key)} " +
                      $"AND {Dialect.AnyOf("event_id", tenant.Select(k => k.EventId).ToList(), arguments)}";
            foreach (var found in await ReadEventsAsync(connection, sql, arguments, cancellationToken, transaction))
            {
                stored[new EventKey(found.TenantId, found.EventId)] = found;
            }
        }

        plan.Assign(heads, stored);
        if (plan.Rows.Count == 0)
        {
            return plan.Outcomes(stored, []);
        }

        long transactionId;
        await using (var next = Command(connection, NextTransactionIdSql, new SqlArguments(), transaction))
        {
            transactionId = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken));
        }

        var inserted = await InsertAsync(connection, transaction, plan, transactionId, cancellationToken);
        await MoveHeadsAsync(connection, transaction, plan, cancellationToken);
        return plan.Outcomes(stored, inserted);
    }

    private async Task<List<StoredEvent>> InsertAsync(
        DbConnection connection, DbTransaction transaction, AppendPlan plan, long transactionId, CancellationToken cancellationToken)
    {
        var recordedAt = EventValidator.ToStoredPrecision(Clock.GetUtcNow());
        await using var insert = connection.CreateCommand();
        insert.CommandText = InsertSql;
        insert.Transaction = transaction;
        // One set of parameters for every row: only their values change.
        var parameters = InsertParameters.Select(name => Parameter(insert, name)).ToArray();
        var recordedAtMicroseconds = SqliteTime.ToMicroseconds(recordedAt);
        var inserted = new List<StoredEvent>(plan.Rows.Count);
        foreach (var row in plan.Rows)
        {
            var pending = row.Event;
            Set(parameters, [
                row.TenantId, pending.EventId, pending.Stream.ToString(), row.Version, transactionId, SqliteTime.ToMicroseconds(pending.Timestamp),
                recordedAtMicroseconds, pending.Category, WireNames.Of(pending.Severity), pending.EventType, pending.Message, pending.Source,
                pending.LeadId, pending.SessionId, pending.DeviceId, pending.AccountId, pending.WorkflowId, pending.ContextJson]);
            var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            inserted.Add(row.Stored(id, (ulong)transactionId, recordedAt));
        }

        return inserted;
    }

    private static async Task MoveHeadsAsync(DbConnection connection, DbTransaction transaction, AppendPlan plan, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = MoveHeadSql;
        command.Transaction = transaction;
        var parameters = new[] { Parameter(command, "@tenant_id"), Parameter(command, "@stream"), Parameter(command, "@version") };
        foreach (var (key, version) in plan.NewHeads)
        {
            Set(parameters, [key.TenantId, key.Stream, version]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Gives <paramref name="parameters"/> these values, in order; a null is SQL NULL.</summary>
    private static void Set(ReadOnlySpan<DbParameter> parameters, ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
