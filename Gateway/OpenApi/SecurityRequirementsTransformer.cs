using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansEvents.Gateway.Auth;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Marks an operation that needs a key as satisfied by any one of <see cref="ApiKeySecuritySchemes"/>
/// (the query token only where the handler accepts it), each naming the least role the key needs.
/// </summary>
internal sealed class SecurityRequirementsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var access = EndpointAccess.Of(context.Description.ActionDescriptor.EndpointMetadata);
        if (!access.NeedsKey || context.Document is not { } document)
        {
            return Task.CompletedTask;
        }

        // OpenAPI 3.1 lets a non-OAuth requirement list the roles it needs.
        OpenApiSecurityRequirement Requirement(string scheme) => new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [access.MinimumRole] };

        operation.Security = [Requirement(ApiKeySecuritySchemes.ApiKey), Requirement(ApiKeySecuritySchemes.Bearer), Requirement(ApiKeySecuritySchemes.AdminApiKey)];
        if (ApiKeyAuthenticationHandler.AcceptsQueryTokenAt("/" + context.Description.RelativePath))
        {
            operation.Security.Add(Requirement(ApiKeySecuritySchemes.AccessToken));
        }

        return Task.CompletedTask;
    }
}
