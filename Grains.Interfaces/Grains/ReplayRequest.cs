using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>Which stored events to replay; at least one criterion is required. <see cref="Max"/> caps the run (default and upper bound from configuration).</summary>
[GenerateSerializer]
[Alias("oe.ReplayRequest")]
[Immutable]
public sealed record ReplayRequest
{
    [Id(0)]
    public StreamId? Stream { get; init; }

    [Id(1)]
    public string? SessionId { get; init; }

    [Id(2)]
    public string? LeadId { get; init; }

    [Id(3)]
    public string? DeviceId { get; init; }

    [Id(4)]
    public string? EventType { get; init; }

    [Id(5)]
    public DateTimeOffset? Since { get; init; }

    [Id(6)]
    public DateTimeOffset? Until { get; init; }

    [Id(7)]
    public int? Max { get; init; }

    public bool HasCriteria =>
        Stream is not null || SessionId is not null || LeadId is not null || DeviceId is not null
        || EventType is not null || Since is not null || Until is not null;
}
