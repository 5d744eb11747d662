using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class SqliteGatewayOperationsTests(SqliteGatewayFixture fixture) : GatewayOperationsContract(fixture), IClassFixture<SqliteGatewayFixture>;
