namespace OrleansEvents.Gateway.Responses;

/// <summary>One page of problem groups, most recently seen first; <c>total</c> counts every matching group.</summary>
public sealed record ProblemGroupPageResponse(IReadOnlyList<ProblemGroupResponse> Groups, int Limit, int Offset, long Total);
