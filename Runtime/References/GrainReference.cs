using System.Collections.Frozen;
using System.Reflection;
using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.References;

/// <summary>
/// The proxy behind every grain reference: <see cref="DispatchProxy"/> generates the interface implementation
/// once per interface, and each method call is looked up in a frozen table of precompiled grain methods.
/// Two references to the same grain are equal. Not sealed: DispatchProxy generates a subclass of it.
/// </summary>
internal class GrainReference : DispatchProxy
{
    private GrainCallDispatcher _dispatcher = null!;
    private FrozenDictionary<MethodInfo, GrainMethod> _methods = null!;

    public GrainId GrainId { get; private set; }

    public void Initialize(GrainId grainId, GrainCallDispatcher dispatcher, FrozenDictionary<MethodInfo, GrainMethod> methods)
    {
        GrainId = grainId;
        _dispatcher = dispatcher;
        _methods = methods;
    }

    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _methods[targetMethod!].Invoke(_dispatcher, GrainId, args ?? []);
}
