using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Documents an operation's problem answers as <see cref="ProblemBody"/>: the statuses of its
/// <see cref="ProblemResponsesMetadata"/>, plus 401 where a key is needed and 403 where a read key
/// is not enough. Responses end up ordered by status.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemMediaType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var access = EndpointAccess.Of(metadata);
        var statuses = metadata.OfType<ProblemResponsesMetadata>().SelectMany(m => m.Statuses).ToHashSet();
        if (access.NeedsKey)
        {
            statuses.Add(401);
        }

        if (access.CanForbid)
        {
            statuses.Add(403);
        }

        if (statuses.Count == 0 || context.Document is null)
        {
            return;
        }

        var schema = await context.ReferenceAsync(typeof(ProblemBody), cancellationToken);
        var responses = operation.Responses ??= [];
        foreach (var status in statuses)
        {
            responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = ProblemDescriptions.Of(status, access.MinimumRole),
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemMediaType] = new() { Schema = schema } },
                Headers = status == 429 ? new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = RetryAfter() } : null,
            };
        }

        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in ordered)
        {
            responses[status] = response;
        }
    }

    private static OpenApiHeader RetryAfter() => new()
    {
        Description = "Seconds to wait before the next request.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
    };
}
