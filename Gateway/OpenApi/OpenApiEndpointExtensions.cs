using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>Endpoint conventions that keep the OpenAPI document complete.</summary>
public static class OpenApiEndpointExtensions
{
    /// <summary>Documents the query parameters the handler reads itself.</summary>
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, IReadOnlyList<string> names)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QueryParametersMetadata(names));

    /// <summary>Documents the JSON body the handler reads itself.</summary>
    public static RouteHandlerBuilder WithJsonBody<TBody>(this RouteHandlerBuilder builder, bool required = true) =>
        builder.WithMetadata(new RequestBodyMetadata(typeof(TBody), required));

    /// <summary>Documents the problem answers every authenticated endpoint can give.</summary>
    public static TBuilder WithCommonProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            foreach (var status in new[] { 400, 401, 403, 404, 413, 415, 429, 503 })
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
            }
        });
        return builder;
    }
}
