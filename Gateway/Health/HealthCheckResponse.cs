namespace OrleansEvents.Gateway.Health;

/// <summary>
/// One check of a health report: its status (healthy, degraded or unhealthy), what it found, what
/// it looked at (storage: provider and location; log tailer: position and last progress) and how long it took.
/// </summary>
public sealed record HealthCheckResponse(string Status, string? Description, IReadOnlyDictionary<string, object> Data, double DurationMs);
