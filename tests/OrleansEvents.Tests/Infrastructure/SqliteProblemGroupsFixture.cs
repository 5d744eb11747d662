namespace OrleansEvents.Tests.Infrastructure;

public sealed class SqliteProblemGroupsFixture : GatewayFixture
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-gw-problems-").FullName;

    public override string Provider => "sqlite";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    protected override Task<Dictionary<string, string?>> StorageSettingsAsync() =>
        Task.FromResult(ProblemGroupSettings.With(StorageHost.Sqlite(Path.Combine(_directory, "events.db"))));
}
