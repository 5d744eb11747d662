using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>One unresolved event, as much of it as a problem list shows.</summary>
public sealed record OpenProblem(long Id, DateTimeOffset Timestamp, Severity Severity, string EventType, string Message);
