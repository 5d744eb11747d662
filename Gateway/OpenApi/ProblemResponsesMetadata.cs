namespace OrleansEvents.Gateway.OpenApi;

/// <summary>Statuses an endpoint can answer with a <see cref="ProblemBody"/>; an endpoint may carry several of these.</summary>
public sealed record ProblemResponsesMetadata(IReadOnlyList<int> Statuses);
