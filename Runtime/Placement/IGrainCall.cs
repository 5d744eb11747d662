using System.Reflection;
using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Placement;

/// <summary>
/// One call on its way to a grain, as a transport sees it: target, method and arguments, plus a way to
/// fail it. A remote transport would serialize these and complete the call when the reply arrives.
/// </summary>
public interface IGrainCall
{
    /// <summary>The grain the call is addressed to.</summary>
    GrainId Target { get; }

    /// <summary>The grain interface method being called.</summary>
    MethodInfo Method { get; }

    /// <summary>The call's arguments, in parameter order.</summary>
    IReadOnlyList<object?> Arguments { get; }

    /// <summary>Completes the call with an error that the caller will observe unchanged.</summary>
    void Fail(Exception error);
}
