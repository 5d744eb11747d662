using Microsoft.AspNetCore.Http;
using OrleansEvents.Gateway.OpenApi;
using OrleansEvents.Gateway.Problems;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// An endpoint that declares no query parameters takes none: <c>?limit=5</c> on such an endpoint is a
/// 400 naming the parameter, not silently ignored. Endpoints that declare theirs
/// (<see cref="QueryParametersMetadata"/>) check them strictly themselves.
/// </summary>
public sealed class UndeclaredQueryGuard : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Query.Count == 0 || http.GetEndpoint()?.Metadata.GetMetadata<QueryParametersMetadata>() is not null)
        {
            return next(context);
        }

        // No parameter is declared, so every one sent is unknown; access_token is only read on the streaming
        // endpoints, which declare it, so here it is as unknown as any other.
        return ValueTask.FromResult<object?>(GatewayProblems.Invalid(QueryParameters.Unknown(http.Request.Query, [])));
    }
}
