using Npgsql;
using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Reminders;

/// <summary>
/// The reminders table on PostgreSQL (schema in <c>sql/postgres/002_reminders.sql</c>). Claims use
/// <c>FOR UPDATE SKIP LOCKED</c> so that concurrent silos each take different due rows without waiting.
/// </summary>
public sealed class PostgresReminderTable(NpgsqlDataSource dataSource) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, due_at, period_ms";

    /// <inheritdoc />
    public async Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO reminders (grain_type, grain_key, name, due_at, period_ms)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (grain_type, grain_key, name) DO UPDATE
            SET due_at = excluded.due_at, period_ms = excluded.period_ms, lease_owner = NULL, lease_until = NULL
            """);
        AddKey(command, entry.Grain, entry.Name);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.DueAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)entry.Period.TotalMilliseconds });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(GrainId grain, string name, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND name = $3");
        AddKey(command, grain, name);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderEntry>> ListAsync(GrainId grain, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2 ORDER BY name");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Key });
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(
        DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default)
    {
        // SKIP LOCKED: a row another silo is claiming right now is skipped, not waited for; once that silo
        // commits, its lease_until excludes the row until the tick is completed or the lease runs out.
        await using var command = dataSource.CreateCommand($"""
            UPDATE reminders AS r
            SET lease_owner = $1, lease_until = $2
            FROM (
                SELECT grain_type, grain_key, name FROM reminders
                WHERE due_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
                ORDER BY due_at
                LIMIT $4
                FOR UPDATE SKIP LOCKED
            ) AS due
            WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.name = due.name
            RETURNING r.grain_type, r.grain_key, r.name, r.due_at, r.period_ms
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = leaseUntil.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CompleteAsync(ReminderEntry claimed, string owner, DateTimeOffset nextDueAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE reminders SET due_at = $4, lease_owner = NULL, lease_until = NULL
            WHERE grain_type = $1 AND grain_key = $2 AND name = $3 AND lease_owner = $5 AND due_at = $6
            """);
        AddKey(command, claimed.Grain, claimed.Name);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = nextDueAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = claimed.DueAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddKey(NpgsqlCommand command, GrainId grain, string name)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                TimeSpan.FromMilliseconds(reader.GetInt64(4))));
        }

        return entries;
    }
}
