using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansEvents.Gateway.Responses;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Keeps the stored event's required members required in <see cref="AppendedEventResponse"/>: the
/// serializer stops calling them required once a constructor sets them, yet every answer carries them.
/// </summary>
internal sealed class AppendedEventRequiredTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(AppendedEventResponse))
        {
            return Task.CompletedTask;
        }

        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.ShouldSerialize is null))
        {
            if (property.AttributeProvider is MemberInfo member
                && (member.IsDefined(typeof(RequiredMemberAttribute), inherit: false) || member.DeclaringType == typeof(AppendedEventResponse)))
            {
                schema.Required.Add(property.Name);
            }
        }

        return Task.CompletedTask;
    }
}
