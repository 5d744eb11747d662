using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The shape of a batch endpoint's body and answer: one item, or an array of 1 to a limit of them.</summary>
internal static class OneOrManySchema
{
    public static OpenApiSchema Of(IOpenApiSchema item, int maxItems) => Of(item, item, maxItems);

    /// <summary>One <paramref name="single"/>, or an array of <paramref name="item"/>s (a single one may carry more, as an expected version).</summary>
    public static OpenApiSchema Of(IOpenApiSchema single, IOpenApiSchema item, int maxItems) => new()
    {
        OneOf = [single, new OpenApiSchema { Type = JsonSchemaType.Array, Items = item, MinItems = 1, MaxItems = maxItems }],
    };
}
