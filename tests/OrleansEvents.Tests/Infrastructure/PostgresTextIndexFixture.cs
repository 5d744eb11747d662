namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A PostgreSQL store whose q walks one id before it asks the trigram index: the index answers every search of more than one event.</summary>
public sealed class PostgresTextIndexFixture : PostgresEventLogFixture
{
    protected override int? SearchWalkWindow => 1;
}
