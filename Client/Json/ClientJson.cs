using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansEvents.Serialization;

namespace OrleansEvents.Client.Json;

/// <summary>The gateway's wire conventions (<see cref="WireJson"/>), with absent fields left out of what the client sends.</summary>
internal static class ClientJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = WireJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
