using System.Text.Json;

namespace OrleansEvents.Emit;

/// <summary>Turns a helper's payload object into an event's <c>context</c>: serialized with snake_case names; a <see cref="JsonElement"/> is taken as it is.</summary>
public static class EventContext
{
    public static JsonSerializerOptions PayloadJson { get; } = CreatePayloadJson();

    public static JsonElement? From(object? payload) => payload switch
    {
        null => null,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(payload, PayloadJson),
    };

    private static JsonSerializerOptions CreatePayloadJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
