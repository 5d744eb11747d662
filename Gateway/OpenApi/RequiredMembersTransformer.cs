using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Keeps <c>required</c> members required in the document even when a constructor sets them
/// (<c>[SetsRequiredMembers]</c>, as the append answer's does): the serializer then stops calling
/// them required, yet every answer carries them.
/// </summary>
internal sealed class RequiredMembersTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.ShouldSerialize is null))
        {
            if (property.AttributeProvider is MemberInfo member && member.IsDefined(typeof(RequiredMemberAttribute), inherit: false))
            {
                schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
                schema.Required.Add(property.Name);
            }
        }

        return Task.CompletedTask;
    }
}
