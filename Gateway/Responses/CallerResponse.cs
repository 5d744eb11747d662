namespace OrleansEvents.Gateway.Responses;

/// <summary>Who the calling key is: its tenant, its role (read, write or admin) and its configured name.</summary>
public sealed record CallerResponse(string Tenant, string Role, string? Key);
