using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

public sealed class PostgresSearchTests(PostgresEventLogFixture fixture) : SearchContract(fixture), IClassFixture<PostgresEventLogFixture>;
