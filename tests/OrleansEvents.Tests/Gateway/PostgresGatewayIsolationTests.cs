using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class PostgresGatewayIsolationTests(PostgresGatewayFixture fixture) : GatewayIsolationContract(fixture), IClassFixture<PostgresGatewayFixture>;
