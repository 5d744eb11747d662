using OrleansEvents.Events;

namespace OrleansEvents.Gateway.Responses;

/// <summary>A problem group and its newest open events, newest first.</summary>
public sealed record ProblemGroupDetailResponse(ProblemGroupResponse Group, IReadOnlyList<StoredEvent> Events);
