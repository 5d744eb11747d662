using Microsoft.AspNetCore.SignalR;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>Reports only the first <paramref name="count"/> parameters of <paramref name="target"/>, so a call that omits the rest can be read.</summary>
internal sealed class TrailingArgumentsBinder(IInvocationBinder inner, string target, int count) : IInvocationBinder
{
    public IReadOnlyList<Type> GetParameterTypes(string methodName)
    {
        var types = inner.GetParameterTypes(methodName);
        return string.Equals(methodName, target, StringComparison.OrdinalIgnoreCase) ? types.Take(count).ToArray() : types;
    }

    public Type GetReturnType(string invocationId) => inner.GetReturnType(invocationId);

    public Type GetStreamItemType(string streamId) => inner.GetStreamItemType(streamId);

    public string? GetTarget(ReadOnlySpan<byte> utf8Bytes) => inner.GetTarget(utf8Bytes);
}
