namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The body of a replay: at least one filter; dry_run defaults to true; max caps the run.</summary>
public sealed record ReplayBody(
    string? Stream, string? SessionId, string? LeadId, string? DeviceId, string? EventType, DateTimeOffset? Since, DateTimeOffset? Until, bool? DryRun, int? Max);
