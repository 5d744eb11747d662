using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansEvents.Gateway.Json;

/// <summary>
/// The wire conventions of every HTTP and SignalR payload: snake_case names, enums as snake_case
/// strings, stream ids and log positions as their text form. Dictionary keys and the free-form
/// <c>context</c> object pass through as the caller wrote them.
/// </summary>
public static class GatewayJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;

        // Bodies are served as application/json, never inlined in HTML, so text may stay readable
        // (ü, +, <) instead of \u-escaped; quotes and control characters are still escaped.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new StreamIdJsonConverter());
        options.Converters.Add(new LogPositionJsonConverter());
        return options;
    }

    /// <summary>A standalone copy of the conventions, for code that serializes outside the HTTP pipeline.</summary>
    public static JsonSerializerOptions Default { get; } = CreateReadOnly();

    private static JsonSerializerOptions CreateReadOnly()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
