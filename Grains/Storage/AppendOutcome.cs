using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>What became of one <see cref="AppendRequest"/>: its stored events in request order, or the conflict that kept it out.</summary>
public sealed record AppendOutcome(IReadOnlyList<AppendedEvent> Events, StreamVersionConflictException? Conflict)
{
    public bool Succeeded => Conflict is null;
}
