namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A PostgreSQL store whose q walks ten ids before it asks the trigram index, so a test of a few dozen events sees both.</summary>
public sealed class PostgresShortWalkFixture : PostgresEventLogFixture
{
    public const int WalkWindow = 10;

    protected override int? SearchWalkWindow => WalkWindow;
}
