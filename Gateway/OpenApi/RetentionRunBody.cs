namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The body of a retention run, which may be left out.</summary>
/// <param name="DryRun">true (default) only counts what would be deleted; false deletes.</param>
public sealed record RetentionRunBody(bool? DryRun = null);
