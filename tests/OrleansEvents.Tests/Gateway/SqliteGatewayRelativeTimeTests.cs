using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class SqliteGatewayRelativeTimeTests(SqliteClockedGatewayFixture fixture) : GatewayRelativeTimeContract(fixture), IClassFixture<SqliteClockedGatewayFixture>;
