using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>What became of one <see cref="AppendRequest"/>: its stored events in request order, or the conflict that kept it out.</summary>
public sealed record AppendOutcome(IReadOnlyList<AppendedEvent> Events, StreamVersionConflictException? Conflict)
{
    public bool Succeeded => Conflict is null;

    /// <summary>The new problems it stored could not be counted in its tenant's problem groups; its streams must count themselves again.</summary>
    public bool ProblemsUnreported { get; init; }
}
