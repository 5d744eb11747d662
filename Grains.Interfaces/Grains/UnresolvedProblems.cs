using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>A stream's open problems: how many per severity, and the newest ones.</summary>
[GenerateSerializer]
[Alias("oe.UnresolvedProblems")]
[Immutable]
public sealed record UnresolvedProblems([Id(0)] string Stream, [Id(1)] long Total, [Id(2)] IReadOnlyDictionary<Severity, long> BySeverity, [Id(3)] IReadOnlyList<OpenProblem> Newest)
{
    public const int DefaultListSize = 50;
}
