using Microsoft.Data.Sqlite;
using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Reminders;

/// <summary>
/// The reminders table on SQLite (schema in <c>sql/sqlite/002_reminders.sql</c>; times are Unix
/// milliseconds). SQLite runs one writer at a time, so a single UPDATE … RETURNING claims rows atomically.
/// </summary>
public sealed class SqliteReminderTable(string connectionString) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, due_at, period_ms";

    /// <inheritdoc />
    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO reminders (grain_type, grain_key, name, due_at, period_ms)
            VALUES ($grain_type, $grain_key, $name, $due_at, $period_ms)
            ON CONFLICT (grain_type, grain_key, name) DO UPDATE
            SET due_at = excluded.due_at, period_ms = excluded.period_ms, lease_owner = NULL, lease_until = NULL
            """,
            cancellationToken,
            Key(entry.Grain, entry.Name),
            ("$due_at", entry.DueAt.ToUnixTimeMilliseconds()),
            ("$period_ms", (long)entry.Period.TotalMilliseconds));

    /// <inheritdoc />
    public Task DeleteAsync(GrainId grain, string name, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "DELETE FROM reminders WHERE grain_type = $grain_type AND grain_key = $grain_key AND name = $name",
            cancellationToken,
            Key(grain, name));

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ListAsync(GrainId grain, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $grain_type AND grain_key = $grain_key ORDER BY name",
            cancellationToken,
            ("$grain_type", grain.Type),
            ("$grain_key", grain.Key));

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(
        DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync($"""
            UPDATE reminders SET lease_owner = $owner, lease_until = $lease_until
            WHERE (grain_type, grain_key, name) IN (
                SELECT grain_type, grain_key, name FROM reminders
                WHERE due_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                ORDER BY due_at
                LIMIT $limit)
            RETURNING {Columns}
            """,
            cancellationToken,
            ("$owner", owner),
            ("$lease_until", leaseUntil.ToUnixTimeMilliseconds()),
            ("$now", now.ToUnixTimeMilliseconds()),
            ("$limit", limit));

    /// <inheritdoc />
    public Task CompleteAsync(ReminderEntry claimed, string owner, DateTimeOffset nextDueAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            UPDATE reminders SET due_at = $next_due_at, lease_owner = NULL, lease_until = NULL
            WHERE grain_type = $grain_type AND grain_key = $grain_key AND name = $name
              AND lease_owner = $owner AND due_at = $due_at
            """,
            cancellationToken,
            Key(claimed.Grain, claimed.Name),
            ("$next_due_at", nextDueAt.ToUnixTimeMilliseconds()),
            ("$owner", owner),
            ("$due_at", claimed.DueAt.ToUnixTimeMilliseconds()));

    private static (string, object)[] Key(GrainId grain, string name) =>
        [("$grain_type", grain.Type), ("$grain_key", grain.Key), ("$name", name)];

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, (string, object)[] key, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, sql, [.. key, .. parameters]);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                TimeSpan.FromMilliseconds(reader.GetInt64(4))));
        }

        return entries;
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
