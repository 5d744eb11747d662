using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Puts a type's schema once under <c>components/schemas</c> (named after the type, as the framework
/// names its own) and answers a reference to it, so a schema used by many operations is written once.
/// </summary>
internal static class SchemaComponents
{
    public static Task<IOpenApiSchema> ReferenceAsync(this OpenApiOperationTransformerContext context, Type type, CancellationToken cancellationToken) =>
        ReferenceAsync(context.Document!, type, token => context.GetOrCreateSchemaAsync(type, cancellationToken: token), cancellationToken);

    public static Task<IOpenApiSchema> ReferenceAsync(this OpenApiDocumentTransformerContext context, OpenApiDocument document, Type type, CancellationToken cancellationToken) =>
        ReferenceAsync(document, type, token => context.GetOrCreateSchemaAsync(type, cancellationToken: token), cancellationToken);

    private static async Task<IOpenApiSchema> ReferenceAsync(
        OpenApiDocument document, Type type, Func<CancellationToken, Task<OpenApiSchema>> createSchema, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent<IOpenApiSchema>(type.Name, await createSchema(cancellationToken));
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
