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
        if (http.GetEndpoint()?.Metadata.GetMetadata<QueryParametersMetadata>() is not null)
        {
            return next(context);
        }

        if (http.Request.Query.Count == 0)
        {
            return next(context);
        }

        // access_token is only read on the streaming endpoints, which declare it; here it is as unknown as any other.
        var unknown = QueryParameters.Unknown(http.Request.Query, []);
        return unknown.Count == 0 ? next(context) : ValueTask.FromResult<object?>(GatewayProblems.Invalid(unknown));
    }
}
