namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL store whose q walks one id and then reads every match from the trigram index: the index
/// answers every search of more than one event.
/// </summary>
public sealed class PostgresTextIndexFixture : PostgresEventLogFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Events:Search:NewestWindow"] = "1",
        ["Events:Search:IndexedMatches"] = "0",
        ["Events:Search:LongestWalk"] = "1",
    };
}
