using Microsoft.Extensions.DependencyInjection;

namespace OrleansEvents.Runtime.Grains;

/// <summary>One grain interface bound to the class that implements it, as registered with <c>AddGrain</c>.</summary>
internal sealed class GrainRegistration(string typeName, Type interfaceType, Type grainClass)
{
    private ObjectFactory? _factory;

    /// <summary>The name stored in grain ids and in the reminders table.</summary>
    public string TypeName => typeName;

    public Type InterfaceType => interfaceType;

    public Type GrainClass => grainClass;

    /// <summary>Creates a grain instance, resolving its constructor parameters from <paramref name="services"/>.</summary>
    public object CreateInstance(IServiceProvider services) =>
        (_factory ??= ActivatorUtilities.CreateFactory(grainClass, Type.EmptyTypes))(services, null);
}
