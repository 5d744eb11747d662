using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Gateway.OpenApi;

namespace OrleansEvents.Gateway.Hosting;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, completed by the transformers of <c>Gateway/OpenApi</c>.</summary>
internal static class GatewayOpenApi
{
    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer<ApiKeySecuritySchemes>()
            .AddDocumentTransformer<HealthPathsTransformer>()
            .AddDocumentTransformer<HubPathTransformer>()
            .AddSchemaTransformer<OmittedMembersTransformer>()
            .AddSchemaTransformer<RequiredMembersTransformer>()
            .AddSchemaTransformer<TextValuesTransformer>()
            .AddOperationTransformer<QueryParametersTransformer>()
            .AddOperationTransformer<RequestHeadersTransformer>()
            .AddOperationTransformer<RequestBodyTransformer>()
            .AddOperationTransformer<ResponseBodyTransformer>()
            .AddOperationTransformer<SecurityRequirementsTransformer>()
            .AddOperationTransformer<ProblemResponsesTransformer>());
}
