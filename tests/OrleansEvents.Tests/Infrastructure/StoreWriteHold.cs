using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// Keeps every writer of a store waiting until disposed: an open transaction holding the events
/// table's write lock (PostgreSQL) or the database's (SQLite, whose writers wait out the busy timeout).
/// </summary>
public sealed class StoreWriteHold : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    private StoreWriteHold(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<StoreWriteHold> TakeAsync(StoreSettings store)
    {
        if (store.Provider == "postgres")
        {
            var connection = new NpgsqlConnection(store.Settings["ConnectionStrings:Events"]);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand("LOCK TABLE events IN SHARE MODE", connection, transaction);
            await command.ExecuteNonQueryAsync();
            return new StoreWriteHold(connection, transaction);
        }

        var sqlite = new SqliteConnection($"Data Source={store.Settings["Storage:SqlitePath"]}");
        await sqlite.OpenAsync();
        return new StoreWriteHold(sqlite, sqlite.BeginTransaction(deferred: false));
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
