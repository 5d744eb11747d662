namespace OrleansEvents.Tests.Infrastructure;

public class PostgresEventLogFixture : EventLogFixture
{
    public override string Provider => "postgres";

    public string ConnectionString { get; private set; } = "";

    /// <summary>Settings beside the connection, such as <c>Events:Search:*</c>; none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync()
    {
        var server = await PostgresServer.Shared;
        ConnectionString = await server.CreateDatabaseAsync("eventlog");
        var settings = StorageHost.Postgres(ConnectionString);
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
