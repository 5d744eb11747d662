namespace OrleansEvents.Tests.Infrastructure;

public sealed class PostgresGatewayFixture : GatewayFixture
{
    public override string Provider => "postgres";

    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync() =>
        StorageHost.Postgres(await (await PostgresServer.Shared).CreateDatabaseAsync("gateway"));
}
