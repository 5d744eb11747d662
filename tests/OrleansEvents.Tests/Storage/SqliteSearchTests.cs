using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

/// <summary>Every row still waiting for the search index: each q is the rule row by row.</summary>
public sealed class SqliteSearchTests(SqliteEventLogFixture fixture) : SearchContract(fixture), IClassFixture<SqliteEventLogFixture>;

/// <summary>Every row in the search index before each search, edits and deletes of indexed rows kept by its triggers.</summary>
public sealed class SqliteIndexedSearchTests(SqliteEventLogFixture fixture) : SearchContract(fixture), IClassFixture<SqliteEventLogFixture>
{
    protected override Task SettleAsync() => SqliteSearchBacklog.IndexAllAsync(fixture);
}
