using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansEvents.Serialization;

namespace OrleansEvents.Gateway.Json;

/// <summary>
/// The wire conventions of every HTTP and SignalR payload: <see cref="WireJson"/>'s (snake_case,
/// enums and stream ids and log positions as text), written readably and with nulls kept.
/// </summary>
public static class GatewayJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        WireJson.Configure(options);

        // Bodies are served as application/json, never inlined in HTML, so text may stay readable
        // (ü, +, <) instead of \u-escaped; quotes and control characters are still escaped.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
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
