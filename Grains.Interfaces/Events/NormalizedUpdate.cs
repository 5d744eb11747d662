namespace OrleansEvents.Events;

/// <summary>A validated <see cref="EventUpdate"/>: null fields stay as they are.</summary>
public sealed record NormalizedUpdate(Severity? Severity, string? Message, string? ContextJson, string? Source, bool ClearsContext = false);
