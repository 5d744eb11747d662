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
        $"RETURNING {EventColumns.All}";

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
            foreach (var key in plan.StreamKeys)
            {
                command.Parameters.Clear();
                Bind(command, "@tenant_id", key.TenantId);
                Bind(command, "@stream", key.Stream);
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
        var recordedAt = SqliteTime.ToMicroseconds(EventValidator.ToStoredPrecision(Clock.GetUtcNow()));
        await using var insert = connection.CreateCommand();
        insert.CommandText = InsertSql;
        insert.Transaction = transaction;
        var inserted = new List<StoredEvent>(plan.Rows.Count);
        foreach (var (tenantId, pending, version, _) in plan.Rows)
        {
            insert.Parameters.Clear();
            Bind(insert, "@tenant_id", tenantId);
            Bind(insert, "@event_id", pending.EventId);
            Bind(insert, "@stream", pending.Stream.ToString());
            Bind(insert, "@version", version);
            Bind(insert, "@transaction_id", transactionId);
            Bind(insert, "@timestamp", SqliteTime.ToMicroseconds(pending.Timestamp));
            Bind(insert, "@recorded_at", recordedAt);
            Bind(insert, "@category", pending.Category);
            Bind(insert, "@severity", WireNames.Of(pending.Severity));
            Bind(insert, "@event_type", pending.EventType);
            Bind(insert, "@message", pending.Message);
            Bind(insert, "@source", pending.Source);
            Bind(insert, "@lead_id", pending.LeadId);
            Bind(insert, "@session_id", pending.SessionId);
            Bind(insert, "@device_id", pending.DeviceId);
            Bind(insert, "@account_id", pending.AccountId);
            Bind(insert, "@workflow_id", pending.WorkflowId);
            Bind(insert, "@context", pending.ContextJson);
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            inserted.Add(Rows.Read(reader));
        }

        return inserted;
    }

    private static async Task MoveHeadsAsync(DbConnection connection, DbTransaction transaction, AppendPlan plan, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = MoveHeadSql;
        command.Transaction = transaction;
        foreach (var (key, version) in plan.NewHeads)
        {
            command.Parameters.Clear();
            Bind(command, "@tenant_id", key.TenantId);
            Bind(command, "@stream", key.Stream);
            Bind(command, "@version", version);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Bind(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
