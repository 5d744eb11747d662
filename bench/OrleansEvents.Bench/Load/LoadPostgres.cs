using Npgsql;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// The PostgreSQL server the load runs against (<c>--postgres</c>): each row makes a database of its
/// own (<c>DROP DATABASE IF EXISTS</c>, <c>CREATE DATABASE</c>) and drops it after, and the row's stored
/// events are counted there.
/// </summary>
public sealed class LoadPostgres
{
    private readonly NpgsqlConnectionStringBuilder _server;

    private LoadPostgres(NpgsqlConnectionStringBuilder server, PostgresProcesses processes)
    {
        _server = server;
        Processes = processes;
    }

    public PostgresProcesses Processes { get; }

    public static async Task<LoadPostgres> ConnectAsync(string connectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        return new LoadPostgres(server, await PostgresProcesses.FindAsync(Admin(server)));
    }

    /// <summary>A fresh database named <paramref name="name"/> (lower-case letters, digits, _): its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'");
        return new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops it, closing what a killed silo or a pool may still hold open.</summary>
    public Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    /// <summary>How many events <paramref name="tenantId"/> has stored in the row's streams (the silo records its own start in another).</summary>
    public static async Task<long> CountAsync(string connectionString, string tenantId)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM events WHERE tenant_id = $1 AND stream LIKE '{LoadRow.StreamsLike}'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // The server's own database: CREATE and DROP DATABASE cannot run in the database they name.
    private static string Admin(NpgsqlConnectionStringBuilder server) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin(_server));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
