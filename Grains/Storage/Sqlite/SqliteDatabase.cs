using Microsoft.Data.Sqlite;

namespace OrleansEvents.Storage.Sqlite;

/// <summary>
/// The embedded database file: opens connections with the settings every connection needs and
/// hands out the single write slot. The migrator switches the file to WAL, so readers run beside the one writer.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SemaphoreSlim _writeSlot = new(1, 1);

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            SqliteQueryFunctions.Register(connection);
            await using var pragmas = connection.CreateCommand();
            // FULL: a committed append survives a power cut, not just a crash of this process.
            pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for this process's single write slot; BEGIN IMMEDIATE then serializes against other processes.</summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeSlot.WaitAsync(cancellationToken);
        return new WriteSlot(_writeSlot);
    }

    public void Dispose() => _writeSlot.Dispose();

    private sealed class WriteSlot(SemaphoreSlim slot) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slot.Release();
            }
        }
    }
}
