using Npgsql;
using OrleansEvents.Storage.Postgres;

namespace OrleansEvents.Storage.Migrations;

/// <summary>
/// Applies <c>sql/postgres/</c> scripts under a session advisory lock, so two silos starting together
/// apply each script once: the second waits, then finds nothing left to do.
/// </summary>
internal sealed class PostgresSchemaMigrator(NpgsqlDataSource dataSource) : ISchemaMigrator
{
    // Any fixed number works; it only has to be the same for every process migrating this database.
    private const long AdvisoryLockKey = 0x4f45_4d49_4752; // "OEMIGR"

    private const string CreateTableSql =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL, name text NOT NULL, checksum text NOT NULL, " +
        "applied_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT pk_schema_migrations_version PRIMARY KEY (version))";

    public async Task<IReadOnlyList<MigrationScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            try
            {
                return await ApplyPendingAsync(connection, cancellationToken);
            }
            finally
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
        catch (Exception exception) when (PostgresFailures.IsUnavailable(exception))
        {
            throw PostgresFailures.Unavailable(exception);
        }
    }

    private static async Task<IReadOnlyList<MigrationScript>> ApplyPendingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, CreateTableSql, cancellationToken);
        var applied = new Dictionary<int, string>();
        await using (var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var newlyApplied = new List<MigrationScript>();
        foreach (var script in MigrationScripts.For("postgres"))
        {
            if (applied.TryGetValue(script.Version, out var checksum))
            {
                if (checksum != script.Checksum)
                {
                    throw new AppliedScriptChangedException(script);
                }

                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = script.Version });
                record.Parameters.Add(new NpgsqlParameter { Value = script.Name });
                record.Parameters.Add(new NpgsqlParameter { Value = script.Checksum });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            newlyApplied.Add(script);
        }

        return newlyApplied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        // No timeout: a script that builds an index over millions of events takes minutes, and stopping
        // it halfway only rolls it back to be started again.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
