namespace OrleansEvents.Tests.Infrastructure;

public sealed class PostgresProblemGroupsFixture : GatewayFixture
{
    public override string Provider => "postgres";

    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync() =>
        ProblemGroupSettings.With(StorageHost.Postgres(await (await PostgresServer.Shared).CreateDatabaseAsync("problems")));
}
