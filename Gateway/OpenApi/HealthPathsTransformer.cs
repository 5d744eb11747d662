using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansEvents.Gateway.Health;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Adds the health endpoints, which the framework leaves out of the document (they are mapped as a
/// middleware pipeline, not a handler). Both answer without a key and are not rate limited.
/// </summary>
internal sealed class HealthPathsTransformer : IOpenApiDocumentTransformer
{
    private const string Tag = "Health";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var report = await context.ReferenceAsync(document, typeof(HealthResponse), cancellationToken);
        OpenApiResponse Answer(string description) => new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = report } },
        };

        document.Paths ??= [];
        document.Paths[HealthPaths.Live] = Get("GetLiveness", "Liveness: the process answers. No check runs, so checks is empty.", new()
        {
            ["200"] = Answer("The process is up."),
        });
        document.Paths[HealthPaths.Ready] = Get("GetReadiness", "Readiness: storage answers and the log reader makes progress. Any caller sees the provider and the last progress; an admin key also sees why a check fails, where the store lives and the log reader's position and silo.", new()
        {
            ["200"] = Answer("Every check is healthy (or degraded)."),
            ["503"] = Answer("A check is unhealthy; its description says why."),
        });
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = Tag });
    }

    private static OpenApiPathItem Get(string operationId, string summary, OpenApiResponses responses) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = operationId,
                Summary = summary,
                Tags = new HashSet<OpenApiTagReference> { new(Tag) },
                Responses = responses,
            },
        },
    };
}
