namespace OrleansEvents.Tests.Infrastructure;

public sealed class PostgresEventLogFixture : EventLogFixture
{
    public override string Provider => "postgres";

    public string ConnectionString { get; private set; } = "";

    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync()
    {
        var server = await PostgresServer.Shared;
        ConnectionString = await server.CreateDatabaseAsync("eventlog");
        return StorageHost.Postgres(ConnectionString);
    }
}
