using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>Adds the headers of <see cref="RequestHeaderMetadata"/> to an operation, each as an optional string.</summary>
internal sealed class RequestHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var header in context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestHeaderMetadata>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = false,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        return Task.CompletedTask;
    }
}
