using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class PostgresGatewayCommandTests(PostgresGatewayFixture fixture) : GatewayCommandContract(fixture), IClassFixture<PostgresGatewayFixture>;
