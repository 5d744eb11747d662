using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansEvents.Events;

namespace OrleansEvents.Serialization;

/// <summary>Writes a stream id as <c>kind/key</c>.</summary>
public sealed class StreamIdJsonConverter : JsonConverter<StreamId>
{
    public override StreamId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StreamId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("A stream must be kind/key, e.g. lead/123.");

    public override void Write(Utf8JsonWriter writer, StreamId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
