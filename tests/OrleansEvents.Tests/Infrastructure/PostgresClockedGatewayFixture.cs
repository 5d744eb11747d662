namespace OrleansEvents.Tests.Infrastructure;

public sealed class PostgresClockedGatewayFixture : ClockedGatewayFixture
{
    public override string Provider => "postgres";

    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync() =>
        StorageHost.Postgres(await (await PostgresServer.Shared).CreateDatabaseAsync("gateway_clock"));
}
