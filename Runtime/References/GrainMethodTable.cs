using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace OrleansEvents.Runtime.References;

/// <summary>The grain methods of each grain interface (including inherited interfaces), built once per interface.</summary>
internal static class GrainMethodTable
{
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<MethodInfo, GrainMethod>> Tables = new();

    /// <summary>Returns the table for <paramref name="interfaceType"/>; throws when a method cannot be a grain method.</summary>
    public static FrozenDictionary<MethodInfo, GrainMethod> For(Type interfaceType) =>
        Tables.GetOrAdd(interfaceType, static type =>
        {
            if (!type.IsInterface)
            {
                throw new InvalidOperationException($"{type} is not an interface; grain contracts are interfaces.");
            }

            return type.GetInterfaces().Prepend(type)
                .SelectMany(i => i.GetMethods())
                .Where(m => !m.IsStatic)
                .ToFrozenDictionary(m => m, GrainMethod.Create);
        });
}
