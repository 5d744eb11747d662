using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class SqliteProblemGroupTests(SqliteProblemGroupsFixture fixture) : ProblemGroupContract(fixture), IClassFixture<SqliteProblemGroupsFixture>;
