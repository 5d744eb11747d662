using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>One unresolved event, as much of it as a problem list shows.</summary>
[GenerateSerializer]
[Alias("oe.OpenProblem")]
[Immutable]
public sealed record OpenProblem([Id(0)] long Id, [Id(1)] DateTimeOffset Timestamp, [Id(2)] Severity Severity, [Id(3)] string EventType, [Id(4)] string Message);
