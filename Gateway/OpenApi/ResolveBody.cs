namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The body of a resolve: who resolved (human, llm_agent, auto; default human) and why.</summary>
public sealed record ResolveBody(string? ResolvedBy, string? Note);
