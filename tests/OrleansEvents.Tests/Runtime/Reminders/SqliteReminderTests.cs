using Microsoft.Data.Sqlite;
using OrleansEvents.Storage.Migrations;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Tests.Runtime.Reminders;

/// <summary>The reminder contract on SQLite, one migrated database file per test.</summary>
public sealed class SqliteReminderTests : ReminderContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oe-reminders-{Guid.NewGuid():N}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected override async Task<ReminderStore> CreateStoreAsync()
    {
        using var database = new SqliteDatabase(Path.Combine(_directory, "reminders.db"));
        await new SqliteSchemaMigrator(database).MigrateAsync();
        var connectionString = database.ConnectionString;
        return new ReminderStore(_ => { }, runtime => runtime.UseSqliteReminders(connectionString));
    }
}
