using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class PostgresGatewayQueryTests(PostgresGatewayFixture fixture) : GatewayQueryContract(fixture), IClassFixture<PostgresGatewayFixture>;
