using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class PostgresGatewayLiveTests(PostgresGatewayFixture fixture) : GatewayLiveContract(fixture), IClassFixture<PostgresGatewayFixture>;
