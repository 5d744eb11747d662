using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class SqliteGatewayIsolationTests(SqliteGatewayFixture fixture) : GatewayIsolationContract(fixture), IClassFixture<SqliteGatewayFixture>;
