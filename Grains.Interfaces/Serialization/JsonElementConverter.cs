using System.Runtime.InteropServices;
using System.Text.Json;

namespace OrleansEvents.Serialization;

/// <summary>
/// Orleans has no codec for <see cref="JsonElement"/>; this converter gives it one wherever the event
/// model's assembly is loaded, silo or client, so no host can forget to register it. The raw text is
/// sent as it is, never re-serialized.
/// </summary>
[RegisterConverter]
public sealed class JsonElementConverter : IConverter<JsonElement, JsonElementSurrogate>
{
    public JsonElement ConvertFromSurrogate(in JsonElementSurrogate surrogate)
    {
        using var document = JsonDocument.Parse(surrogate.Utf8Json);
        return document.RootElement.Clone();
    }

    public JsonElementSurrogate ConvertToSurrogate(in JsonElement value) =>
        new() { Utf8Json = JsonMarshal.GetRawUtf8Value(value).ToArray() };
}
