using OrleansEvents.Events;

namespace OrleansEvents.ProblemGroups;

/// <summary>
/// One group of a tenant's open problems (<see cref="ProblemFingerprint"/>), everything counted over its
/// open events: the highest severity, how many, first and last seen, in how many streams, the newest
/// message, and <see cref="Hourly"/> open events per hour of the last 24 from <see cref="HourlyFrom"/> (oldest first, the current hour last).
/// </summary>
[GenerateSerializer]
[Alias("oe.ProblemGroup")]
[Immutable]
public sealed record ProblemGroup(
    [Id(0)] string Fingerprint,
    [Id(1)] StreamKind StreamKind,
    [Id(2)] string EventType,
    [Id(3)] Severity Severity,
    [Id(4)] long OpenCount,
    [Id(5)] DateTimeOffset FirstSeen,
    [Id(6)] DateTimeOffset LastSeen,
    [Id(7)] int StreamsAffected,
    [Id(8)] string SampleMessage,
    [Id(9)] long SampleEventId,
    [Id(10)] IReadOnlyList<long> Hourly,
    [Id(11)] IReadOnlyDictionary<Severity, long> BySeverity,
    [Id(12)] DateTimeOffset HourlyFrom);
