using System.Text.Json;

namespace OrleansEvents.Events;

/// <summary>A partial edit of the fields an operator may change; null leaves a field as it is.</summary>
[GenerateSerializer]
[Alias("oe.EventUpdate")]
[Immutable]
public sealed record EventUpdate
{
    [Id(0)]
    public string? Severity { get; init; }

    [Id(1)]
    public string? Message { get; init; }

    /// <summary>The new context; a JSON null clears it.</summary>
    [Id(2)]
    public JsonElement? Context { get; init; }

    [Id(3)]
    public string? Source { get; init; }
}
