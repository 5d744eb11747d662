namespace OrleansEvents.Tests.Infrastructure;

public sealed class SqliteClockedGatewayFixture : ClockedGatewayFixture
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-gw-clock-").FullName;

    public override string Provider => "sqlite";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    protected override Task<Dictionary<string, string?>> StorageSettingsAsync() =>
        Task.FromResult(StorageHost.Sqlite(Path.Combine(_directory, "events.db")));
}
