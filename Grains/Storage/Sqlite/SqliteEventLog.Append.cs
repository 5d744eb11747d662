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

    protected override async Task<IReadOnlyList<AppendedEvent>> AppendAsync(
        DbConnection connection, DbTransaction transaction, AppendPlan plan, CancellationToken cancellationToken)
    {
        var headArguments = new SqlArguments();
        var headSql = $"SELECT stream, version FROM streams WHERE tenant_id = {headArguments.Add(plan.TenantId)} " +
                      $"AND {Dialect.AnyOf("stream", plan.Streams, headArguments)}";
        var heads = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = Command(connection, headSql, headArguments, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                heads[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var storedArguments = new SqlArguments();
        var storedSql = $"SELECT {EventColumns.All} FROM events WHERE tenant_id = {storedArguments.Add(plan.TenantId)} " +
                        $"AND {Dialect.AnyOf("event_id", plan.EventIds, storedArguments)}";
        var stored = (await ReadEventsAsync(connection, storedSql, storedArguments, cancellationToken, transaction))
            .ToDictionary(e => e.EventId, StringComparer.Ordinal);

        plan.Assign(heads, stored);
        if (plan.Rows.Count == 0)
        {
            return plan.Results(stored, []);
        }

        long transactionId;
        await using (var next = Command(connection, NextTransactionIdSql, new SqlArguments(), transaction))
        {
            transactionId = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken));
        }

        var inserted = await InsertAsync(connection, transaction, plan, transactionId, cancellationToken);
        await MoveHeadsAsync(connection, transaction, plan, cancellationToken);
        return plan.Results(stored, inserted);
    }

    private async Task<List<StoredEvent>> InsertAsync(
        DbConnection connection, DbTransaction transaction, AppendPlan plan, long transactionId, CancellationToken cancellationToken)
    {
        var recordedAt = SqliteTime.ToMicroseconds(EventValidator.ToStoredPrecision(Clock.GetUtcNow()));
        await using var insert = connection.CreateCommand();
        insert.CommandText = InsertSql;
        insert.Transaction = transaction;
        var inserted = new List<StoredEvent>(plan.Rows.Count);
        foreach (var (pending, version) in plan.Rows)
        {
            insert.Parameters.Clear();
            Bind(insert, "@tenant_id", plan.TenantId);
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
        foreach (var (stream, version) in plan.NewHeads)
        {
            command.Parameters.Clear();
            Bind(command, "@tenant_id", plan.TenantId);
            Bind(command, "@stream", stream);
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
