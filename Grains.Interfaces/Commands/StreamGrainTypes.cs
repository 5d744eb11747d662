using System.Runtime.CompilerServices;
using Orleans.Runtime;
using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Commands;

/// <summary>
/// The grain type and interface type of each stream kind, resolved once per grain factory.
/// <c>GetGrain&lt;T&gt;(string)</c> resolves the interface type from the CLR type on every call, formatting
/// type names as it goes; an append per request made that a few per cent of the silo's allocation.
/// </summary>
internal sealed class StreamGrainTypes
{
    // Only read for its types: a reference activates nothing until it is called.
    private const string ProbeKey = "types/probe";

    private static readonly ConditionalWeakTable<IGrainFactory, StreamGrainTypes> ByFactory = [];

    private readonly (GrainType Grain, GrainInterfaceType Interface)[] _byKind;

    private StreamGrainTypes(IGrainFactory grains)
    {
        _byKind = new (GrainType, GrainInterfaceType)[Enum.GetValues<StreamKind>().Max(kind => (int)kind) + 1];
        Resolve(grains.GetGrain<ISessionEventsGrain>(ProbeKey), StreamKind.Session);
        Resolve(grains.GetGrain<ILeadEventsGrain>(ProbeKey), StreamKind.Lead);
        Resolve(grains.GetGrain<IDeviceEventsGrain>(ProbeKey), StreamKind.Device);
        Resolve(grains.GetGrain<IWorkflowEventsGrain>(ProbeKey), StreamKind.Workflow);
        Resolve(grains.GetGrain<ISystemEventsGrain>(ProbeKey), StreamKind.System);
    }

    public static StreamGrainTypes Of(IGrainFactory grains) => ByFactory.GetValue(grains, static factory => new StreamGrainTypes(factory));

    public IStreamEventsGrain Get(IGrainFactory grains, StreamKind kind, string key)
    {
        var (grainType, interfaceType) = (int)kind < _byKind.Length ? _byKind[(int)kind] : default;
        if (grainType.IsDefault)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return (IStreamEventsGrain)grains.GetGrain(GrainId.Create(grainType, IdSpan.Create(key)), interfaceType);
    }

    private void Resolve(IStreamEventsGrain probe, StreamKind kind)
    {
        var reference = (GrainReference)probe;
        _byKind[(int)kind] = (reference.GrainId.Type, reference.InterfaceType);
    }
}
