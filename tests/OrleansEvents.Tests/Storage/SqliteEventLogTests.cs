using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

public sealed class SqliteEventLogTests(SqliteEventLogFixture fixture) : EventLogContract(fixture), IClassFixture<SqliteEventLogFixture>;
