using System.Globalization;

namespace OrleansEvents.Tests.Infrastructure;

public class PostgresEventLogFixture : EventLogFixture
{
    public override string Provider => "postgres";

    public string ConnectionString { get; private set; } = "";

    /// <summary><c>Events:Search:WalkWindow</c> of this store; null leaves the default.</summary>
    protected virtual int? SearchWalkWindow => null;

    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync()
    {
        var server = await PostgresServer.Shared;
        ConnectionString = await server.CreateDatabaseAsync("eventlog");
        var settings = StorageHost.Postgres(ConnectionString);
        if (SearchWalkWindow is { } window)
        {
            settings["Events:Search:WalkWindow"] = window.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
