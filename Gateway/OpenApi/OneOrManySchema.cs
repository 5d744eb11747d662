using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The shape of a batch endpoint's body and answer: one item, or an array of 1 to a limit of them.</summary>
internal static class OneOrManySchema
{
    public static OpenApiSchema Of(IOpenApiSchema item, int maxItems) => new()
    {
        OneOf = [item, new OpenApiSchema { Type = JsonSchemaType.Array, Items = item, MinItems = 1, MaxItems = maxItems }],
    };
}
