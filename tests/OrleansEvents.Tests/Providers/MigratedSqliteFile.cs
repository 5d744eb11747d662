using Microsoft.Data.Sqlite;
using OrleansEvents.Hosting;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Providers;

/// <summary>A SQLite file in its own temp folder, migrated by the product's migrator the way a silo migrates at start.</summary>
public sealed class MigratedSqliteFile : IAsyncDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"oe-orleans-{Guid.NewGuid():N}");

    private MigratedSqliteFile()
    {
    }

    public string Path => System.IO.Path.Combine(_directory, "events.db");

    public static async Task<MigratedSqliteFile> CreateAsync()
    {
        var file = new MigratedSqliteFile();
        using var host = StorageHost.Build(StorageHost.Sqlite(file.Path));
        await host.Services.MigrateEventStorageAsync();
        return file;
    }

    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
