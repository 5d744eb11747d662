using System.Reflection;
using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.References;

/// <summary>Creates grain references: a proxy bound to a grain id and the silo's call dispatcher.</summary>
internal sealed class GrainFactory(GrainTypeRegistry registry, GrainCallDispatcher dispatcher) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : class
    {
        ArgumentNullException.ThrowIfNull(key);
        var registration = registry.ForInterface(typeof(TGrainInterface));
        var proxy = DispatchProxy.Create<TGrainInterface, GrainReference>();
        ((GrainReference)(object)proxy).Initialize(
            new GrainId(registration.TypeName, key), dispatcher, GrainMethodTable.For(typeof(TGrainInterface)));
        return proxy;
    }
}
