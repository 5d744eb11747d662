using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>Adds the parameters of <see cref="QueryParametersMetadata"/> to an operation, each as an optional string.</summary>
internal sealed class QueryParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParametersMetadata>().LastOrDefault() is not { } metadata)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach (var name in metadata.Names)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Required = false,
                Description = QueryParameterDescriptions.Of(name),
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        return Task.CompletedTask;
    }
}
