using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class PostgresGatewayOperationsTests(PostgresGatewayFixture fixture) : GatewayOperationsContract(fixture), IClassFixture<PostgresGatewayFixture>;
