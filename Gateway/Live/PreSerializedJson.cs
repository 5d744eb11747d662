using System.Text.Json.Serialization;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// A payload serialized once and written as is into every connection's message: with a thousand
/// subscribers an event is turned into JSON once, not a thousand times (docs/architecture.md §6).
/// </summary>
[JsonConverter(typeof(PreSerializedJsonConverter))]
public sealed class PreSerializedJson(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;
}
