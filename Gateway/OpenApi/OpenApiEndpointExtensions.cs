using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>Endpoint conventions that keep the OpenAPI document complete.</summary>
public static class OpenApiEndpointExtensions
{
    /// <summary>Documents the query parameters the handler reads itself.</summary>
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, IReadOnlyList<string> names)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QueryParametersMetadata(names));

    /// <summary>Documents a request header the handler reads itself.</summary>
    public static TBuilder WithRequestHeader<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestHeaderMetadata(name, description));

    /// <summary>
    /// Documents the JSON body the handler reads itself (with <paramref name="maxItems"/>: that body
    /// or an array of up to that many), and the 415 its reader gives for any other media type.
    /// </summary>
    public static RouteHandlerBuilder WithJsonBody<TBody>(this RouteHandlerBuilder builder, bool required = true, int? maxItems = null) =>
        builder.WithMetadata(new RequestBodyMetadata(typeof(TBody), required, maxItems))
            .WithProblems(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>As <see cref="WithJsonBody{TBody}"/>: one <typeparamref name="TBody"/>, or an array of up to <paramref name="maxItems"/> <typeparamref name="TItem"/>s.</summary>
    public static RouteHandlerBuilder WithJsonBody<TBody, TItem>(this RouteHandlerBuilder builder, int maxItems) =>
        builder.WithMetadata(new RequestBodyMetadata(typeof(TBody), true, maxItems, typeof(TItem)))
            .WithProblems(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>Documents the JSON answer of a status whose result type the handler leaves untyped.</summary>
    public static RouteHandlerBuilder WithJsonResponse<TBody>(this RouteHandlerBuilder builder, int statusCode, string description, int? maxItems = null) =>
        builder.WithMetadata(new ResponseBodyMetadata(statusCode, typeof(TBody), description, maxItems));

    /// <summary>Documents problem answers of these statuses (401 and 403 follow from the endpoint's authorization).</summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemResponsesMetadata(statuses));

    /// <summary>
    /// Documents the problem answers the pipeline can give any API endpoint: a broken rule, an
    /// oversized body (checked before routing), the rate limit, and storage that does not answer.
    /// </summary>
    public static TBuilder WithCommonProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithProblems(
            StatusCodes.Status400BadRequest,
            StatusCodes.Status413PayloadTooLarge,
            StatusCodes.Status429TooManyRequests,
            StatusCodes.Status503ServiceUnavailable);

        // ValidationProblem results announce HttpValidationProblemDetails, a shape without the
        // gateway's members; dropped so that only ProblemBody describes problems.
        builder.Finally(endpoint =>
        {
            foreach (var announced in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Where(m => m.Type == typeof(HttpValidationProblemDetails)).ToList())
            {
                endpoint.Metadata.Remove(announced);
            }
        });
        return builder;
    }
}
