using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class SqliteGatewayLiveTests(SqliteGatewayFixture fixture) : GatewayLiveContract(fixture), IClassFixture<SqliteGatewayFixture>;
