using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansEvents.Events;
using OrleansEvents.Serialization;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Documents the values the gateway's converters write as text (a stream as <c>lead/123</c>, a log
/// position as <c>{tx}-{id}</c>) as strings; the generator cannot see through a converter and
/// leaves their schemas empty.
/// </summary>
internal sealed class TextValuesTransformer : IOpenApiSchemaTransformer
{
    private static readonly string StreamPattern = $"^({string.Join('|', Enum.GetValues<StreamKind>().Select(WireNames.Of))})/.+$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var pattern = context.JsonTypeInfo.Converter switch
        {
            StreamIdJsonConverter => StreamPattern,
            LogPositionJsonConverter => "^[0-9]+-[0-9]+$",
            _ => null,
        };
        if (pattern is not null)
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = pattern;
        }

        return Task.CompletedTask;
    }
}
