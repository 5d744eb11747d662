using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Hosting.Sqlite;

/// <summary>
/// Orleans' reminder table in the embedded SQLite file (<c>sql/sqlite/003_orleans_reminders.sql</c>), one
/// service's rows per cluster. StartAt and Period are kept in ticks, so they come back exactly; each write draws a
/// random ETag, so an ETag of a removed reminder never matches the reminder registered after it.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database, IOptions<ClusterOptions> clusterOptions) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at_ticks, period_ticks, etag";

    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) => QueryAsync(
        $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service_id AND grain_id = $grain_id",
        [("$grain_id", grainId.ToString())],
        cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>Reads the reminders whose grain hash is in (begin, end]; begin ≥ end wraps around, so begin = end is the whole ring.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) => QueryAsync(
        begin < end
            ? $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service_id AND grain_hash > $begin AND grain_hash <= $end"
            : $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service_id AND (grain_hash > $begin OR grain_hash <= $end)",
        [("$begin", (long)begin), ("$end", (long)end)],
        cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <summary>Reads one reminder, or null when the grain has none of that name (what Orleans' reminder service expects).</summary>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service_id AND grain_id = $grain_id AND reminder_name = $reminder_name",
            [("$grain_id", grainId.ToString()), ("$reminder_name", reminderName)],
            cancellationToken);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Stores the reminder whatever its ETag (Orleans' upsert is unconditional) and returns the row's new ETag.</summary>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        await ExecuteAsync(
            """
            INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, grain_hash, start_at_ticks, period_ticks, etag)
            VALUES ($service_id, $grain_id, $reminder_name, $grain_hash, $start_at_ticks, $period_ticks, $etag)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
            SET start_at_ticks = excluded.start_at_ticks, period_ticks = excluded.period_ticks, etag = excluded.etag
            """,
            [
                ("$grain_id", entry.GrainId.ToString()),
                ("$reminder_name", entry.ReminderName),
                ("$grain_hash", (long)entry.GrainId.GetUniformHashCode()),
                ("$start_at_ticks", UtcTicks(entry.StartAt)),
                ("$period_ticks", entry.Period.Ticks),
                ("$etag", etag),
            ],
            cancellationToken);
        return etag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Removes the reminder only while it still carries <paramref name="eTag"/>; false when it is gone or was rewritten.</summary>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "DELETE FROM orleans_reminders WHERE service_id = $service_id AND grain_id = $grain_id AND reminder_name = $reminder_name AND etag = $etag",
            [("$grain_id", grainId.ToString()), ("$reminder_name", reminderName), ("$etag", eTag)],
            cancellationToken) > 0;

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Removes this service's reminders; other services' rows in the same file stay.</summary>
    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM orleans_reminders WHERE service_id = $service_id", [], cancellationToken);

    // Orleans hands out UTC times; a local one is converted, an unspecified one is taken as UTC.
    private static long UtcTicks(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    private async Task<ReminderTableData> QueryAsync(
        string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CreateCommand(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return new ReminderTableData(entries);
    }

    // One statement in autocommit; the process's write slot keeps it from racing the event writer for the file's lock.
    private async Task<int> ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CreateCommand(connection, sql, parameters);
        using var slot = await database.EnterWriteAsync(cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteCommand CreateCommand(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("$service_id", _serviceId);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
