using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class SqliteGatewayCommandTests(SqliteGatewayFixture fixture) : GatewayCommandContract(fixture), IClassFixture<SqliteGatewayFixture>;
