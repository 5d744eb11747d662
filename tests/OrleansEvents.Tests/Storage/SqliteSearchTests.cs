using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

public sealed class SqliteSearchTests(SqliteEventLogFixture fixture) : SearchContract(fixture), IClassFixture<SqliteEventLogFixture>;
