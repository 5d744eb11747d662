using System.Collections.Frozen;

namespace OrleansEvents.Runtime.Grains;

/// <summary>All registered grain types, looked up by interface (for references) or by name (for grain ids).</summary>
internal sealed class GrainTypeRegistry
{
    private readonly FrozenDictionary<Type, GrainRegistration> _byInterface;
    private readonly FrozenDictionary<string, GrainRegistration> _byName;

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations)
    {
        var all = registrations.ToList();
        foreach (var duplicate in all.GroupBy(r => r.InterfaceType).Where(g => g.Count() > 1))
        {
            throw new InvalidOperationException($"Grain interface {duplicate.Key} is registered more than once.");
        }

        foreach (var duplicate in all.GroupBy(r => r.TypeName).Where(g => g.Count() > 1))
        {
            throw new InvalidOperationException($"Grain type name '{duplicate.Key}' is registered more than once.");
        }

        _byInterface = all.ToFrozenDictionary(r => r.InterfaceType);
        _byName = all.ToFrozenDictionary(r => r.TypeName, StringComparer.Ordinal);
    }

    public GrainRegistration ForInterface(Type interfaceType) =>
        _byInterface.TryGetValue(interfaceType, out var registration)
            ? registration
            : throw new InvalidOperationException(
                $"No grain class is registered for {interfaceType}; register one with AddGrain<{interfaceType.Name}, TGrain>().");

    public GrainRegistration ForTypeName(string typeName) =>
        _byName.TryGetValue(typeName, out var registration)
            ? registration
            : throw new InvalidOperationException($"No grain type named '{typeName}' is registered.");
}
