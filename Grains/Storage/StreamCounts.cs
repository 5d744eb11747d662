using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>A stream's events counted by severity, type and resolution, with the time span of each group.</summary>
public sealed record StreamCounts(IReadOnlyList<StreamCounts.Group> Groups)
{
    public sealed record Group(Severity Severity, string EventType, bool Resolved, long Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);
}
