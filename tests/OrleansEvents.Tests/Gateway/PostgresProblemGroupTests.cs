using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public sealed class PostgresProblemGroupTests(PostgresProblemGroupsFixture fixture) : ProblemGroupContract(fixture), IClassFixture<PostgresProblemGroupsFixture>;
