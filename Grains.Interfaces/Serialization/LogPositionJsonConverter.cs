using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansEvents.Events;

namespace OrleansEvents.Serialization;

/// <summary>Writes a log position as its cursor text <c>{tx}-{id}</c>.</summary>
public sealed class LogPositionJsonConverter : JsonConverter<LogPosition>
{
    public override LogPosition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LogPosition.TryParse(reader.GetString(), out var position) ? position : throw new JsonException("A cursor must be {tx}-{id}.");

    public override void Write(Utf8JsonWriter writer, LogPosition value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
