namespace OrleansEvents.Hosting;

/// <summary>Which store this silo uses and where, for logs and health output (never the password).</summary>
[GenerateSerializer]
[Alias("oe.StorageDescription")]
[Immutable]
public sealed record StorageDescription([Id(0)] string Provider, [Id(1)] string Location);
