namespace OrleansEvents.Serialization;

/// <summary>How an event's context (a <see cref="System.Text.Json.JsonElement"/>) travels between silos and clients: its raw UTF-8 JSON.</summary>
[GenerateSerializer]
[Alias("oe.JsonElementSurrogate")]
[Immutable]
public readonly struct JsonElementSurrogate
{
    [Id(0)]
    public byte[] Utf8Json { get; init; }
}
