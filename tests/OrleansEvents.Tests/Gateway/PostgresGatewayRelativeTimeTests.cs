using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class PostgresGatewayRelativeTimeTests(PostgresClockedGatewayFixture fixture) : GatewayRelativeTimeContract(fixture), IClassFixture<PostgresClockedGatewayFixture>;
