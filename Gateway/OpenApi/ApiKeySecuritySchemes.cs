using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansEvents.Gateway.Auth;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The ways <see cref="ApiKeyAuthenticationHandler"/> accepts an API key, as security schemes of the document.</summary>
internal sealed class ApiKeySecuritySchemes : IOpenApiDocumentTransformer
{
    public const string ApiKey = "ApiKey";
    public const string Bearer = "Bearer";
    public const string AdminApiKey = "AdminApiKey";
    public const string AccessToken = "AccessToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        var schemes = document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        schemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.ApiKeyHeader,
            Description = "The API key in the X-API-Key header. Its role (read, write, admin) decides what it may do.",
        };
        schemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "API key",
            Description = "The API key as a bearer token: Authorization: Bearer <key>.",
        };
        schemes[AdminApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.AdminKeyHeader,
            Description = "The API key in the X-Admin-API-Key header, the name older clients use; any key's role applies, not only admin.",
        };
        schemes[AccessToken] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = ApiKeyAuthenticationHandler.AccessTokenParameter,
            Description = "The API key in the query string, for clients that cannot set headers (EventSource, WebSocket); accepted only by the live stream and the hub.",
        };
        return Task.CompletedTask;
    }
}
