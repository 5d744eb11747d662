using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansEvents.Serialization;

/// <summary>
/// The JSON conventions of the event on the wire, shared by the gateway that writes it and the clients
/// that read it: snake_case names, enums as snake_case strings, stream ids as <c>kind/key</c> and log
/// positions as their cursor text. Dictionary keys and the free-form <c>context</c> pass through as written.
/// </summary>
public static class WireJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new StreamIdJsonConverter());
        options.Converters.Add(new LogPositionJsonConverter());
        return options;
    }
}
