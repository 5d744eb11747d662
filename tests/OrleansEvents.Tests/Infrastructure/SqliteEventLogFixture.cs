namespace OrleansEvents.Tests.Infrastructure;

public sealed class SqliteEventLogFixture : EventLogFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oe-sqlite-{Guid.NewGuid():N}");

    public override string Provider => "sqlite";

    public string DatabasePath => Path.Combine(_directory, "events.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(StorageHost.Sqlite(DatabasePath));
}
