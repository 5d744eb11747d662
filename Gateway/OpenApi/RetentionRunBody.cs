namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The body of a retention run: dry_run (default true) only counts.</summary>
public sealed record RetentionRunBody(bool? DryRun);
