using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Keeps members the serializer may leave out (<c>[JsonIgnore(Condition = WhenWritingNull)]</c> and
/// the like) out of <c>required</c>: a dry-run replay has no replay_id, a page without
/// include_total no total, though their constructors take them.
/// </summary>
internal sealed class OmittedMembersTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Required is not { Count: > 0 } required)
        {
            return Task.CompletedTask;
        }

        // The serializer turns an ignore condition into a ShouldSerialize predicate; members without one are always written.
        foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.ShouldSerialize is not null))
        {
            required.Remove(property.Name);
        }

        return Task.CompletedTask;
    }
}
