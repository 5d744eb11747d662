using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class SqliteGatewayQueryTests(SqliteGatewayFixture fixture) : GatewayQueryContract(fixture), IClassFixture<SqliteGatewayFixture>;
