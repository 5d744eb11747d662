namespace OrleansEvents.Gateway.Health;

/// <summary>
/// One check of a health report: its status (healthy, degraded or unhealthy), what it found (why it
/// fails only for an admin key), what it looked at (storage: provider, and for an admin key location;
/// log reader: last progress, and for an admin key position and silo; silo and cluster: the number of active
/// silos, and for an admin key the silo's address and cluster id) and how long it took.
/// </summary>
public sealed record HealthCheckResponse(string Status, string? Description, IReadOnlyDictionary<string, object> Data, double DurationMs);
