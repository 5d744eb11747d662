using System.Globalization;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A PostgreSQL store whose q steps are a few events long, so a test of a few dozen events sees each of them answer.</summary>
public sealed class PostgresShortWalkFixture : PostgresEventLogFixture
{
    public const int NewestWindow = 4;

    public const int IndexedMatches = 5;

    public const int LongestWalk = 12;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Events:Search:NewestWindow"] = NewestWindow.ToString(CultureInfo.InvariantCulture),
        ["Events:Search:IndexedMatches"] = IndexedMatches.ToString(CultureInfo.InvariantCulture),
        ["Events:Search:LongestWalk"] = LongestWalk.ToString(CultureInfo.InvariantCulture),
    };
}
