using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Puts a type's schema once under <c>components/schemas</c> (named after the type, as the framework
/// names its own) and answers a reference to it, so a schema used by many operations is written once.
/// </summary>
internal static class SchemaComponents
{
    public static async Task<IOpenApiSchema> ReferenceAsync(
        OpenApiDocument document, Type type, Func<Type, CancellationToken, Task<OpenApiSchema>> createSchema, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent<IOpenApiSchema>(type.Name, await createSchema(type, cancellationToken));
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
