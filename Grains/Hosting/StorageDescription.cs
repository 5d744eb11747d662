namespace OrleansEvents.Hosting;

/// <summary>Which store this silo uses and where, for logs and health output (never the password).</summary>
public sealed record StorageDescription(string Provider, string Location);
