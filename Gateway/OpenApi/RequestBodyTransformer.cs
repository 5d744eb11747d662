using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>Documents the body of <see cref="RequestBodyMetadata"/> as application/json: the object, or the object or an array of them.</summary>
internal sealed class RequestBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyMetadata>().LastOrDefault() is not { } metadata)
        {
            return;
        }

        IOpenApiSchema schema = metadata.MaxItems is { } maxItems && context.Document is not null
            ? OneOrManySchema.Of(
                await context.ReferenceAsync(metadata.BodyType, cancellationToken),
                await context.ReferenceAsync(metadata.ItemType ?? metadata.BodyType, cancellationToken),
                maxItems)
            : await context.GetOrCreateSchemaAsync(metadata.BodyType, cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = metadata.Required,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }
}
