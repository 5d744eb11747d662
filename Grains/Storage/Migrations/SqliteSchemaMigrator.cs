using Microsoft.Data.Sqlite;
using OrleansEvents.Events;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Storage.Migrations;

/// <summary>
/// Applies <c>sql/sqlite/</c> scripts in one BEGIN IMMEDIATE transaction: a second process waits for
/// the file's write lock, then finds every script recorded. SQLite DDL is transactional, so a failed
/// script leaves nothing behind.
/// </summary>
internal sealed class SqliteSchemaMigrator(SqliteDatabase database) : ISchemaMigrator
{
    private const string CreateTableSql =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL CONSTRAINT pk_schema_migrations_version PRIMARY KEY, " +
        "name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";

    public async Task<IReadOnlyList<MigrationScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // Persistent for the file: readers no longer wait for the writer.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var applied = await ApplyPendingAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return applied;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_BUSY
                                                     or SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_NOTADB)
        {
            throw new StorageUnavailableException($"Cannot open the SQLite database at {database.Path}: {exception.Message}");
        }
    }

    private static async Task<IReadOnlyList<MigrationScript>> ApplyPendingAsync(
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, CreateTableSql, cancellationToken);
        var applied = new Dictionary<long, string>();
        await using (var command = new SqliteCommand("SELECT version, checksum FROM schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        var newlyApplied = new List<MigrationScript>();
        foreach (var script in MigrationScripts.For("sqlite"))
        {
            if (applied.TryGetValue(script.Version, out var checksum))
            {
                if (checksum != script.Checksum)
                {
                    throw new AppliedScriptChangedException(script);
                }

                continue;
            }

            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using var record = new SqliteCommand(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction);
            record.Parameters.AddWithValue("@version", script.Version);
            record.Parameters.AddWithValue("@name", script.Name);
            record.Parameters.AddWithValue("@checksum", script.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
            newlyApplied.Add(script);
        }

        return newlyApplied;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
