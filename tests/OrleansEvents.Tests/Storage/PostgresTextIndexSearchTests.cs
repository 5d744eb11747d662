using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

public sealed class PostgresTextIndexSearchTests(PostgresTextIndexFixture fixture) : SearchContract(fixture), IClassFixture<PostgresTextIndexFixture>;
