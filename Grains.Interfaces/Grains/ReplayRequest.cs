using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>Which stored events to replay; at least one criterion is required. <see cref="Max"/> caps the run (default and upper bound from configuration).</summary>
public sealed record ReplayRequest
{
    public StreamId? Stream { get; init; }

    public string? SessionId { get; init; }

    public string? LeadId { get; init; }

    public string? DeviceId { get; init; }

    public string? EventType { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public int? Max { get; init; }

    public bool HasCriteria =>
        Stream is not null || SessionId is not null || LeadId is not null || DeviceId is not null
        || EventType is not null || Since is not null || Until is not null;
}
