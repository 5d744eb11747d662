using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>A stream's open problems: how many per severity, and the newest ones.</summary>
public sealed record UnresolvedProblems(string Stream, long Total, IReadOnlyDictionary<Severity, long> BySeverity, IReadOnlyList<OpenProblem> Newest)
{
    public const int DefaultListSize = 50;
}
