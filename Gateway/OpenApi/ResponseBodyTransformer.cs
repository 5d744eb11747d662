using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>Documents the answers of <see cref="ResponseBodyMetadata"/> as application/json, replacing what the framework inferred.</summary>
internal sealed class ResponseBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var answers = context.Description.ActionDescriptor.EndpointMetadata.OfType<ResponseBodyMetadata>().ToList();
        if (answers.Count == 0 || context.Document is null)
        {
            return;
        }

        foreach (var metadata in answers)
        {
            var item = await context.ReferenceAsync(metadata.BodyType, cancellationToken);
            operation.Responses ??= [];
            operation.Responses[metadata.StatusCode.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = metadata.Description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = metadata.MaxItems is { } maxItems ? OneOrManySchema.Of(item, maxItems) : item },
                },
            };
        }
    }
}
