namespace OrleansEvents.Runtime.Streams;

/// <summary>Addresses a runtime stream: a namespace (what kind of items) and a key (which sequence of them).</summary>
/// <param name="Namespace">The stream's namespace, e.g. <c>orders</c>.</param>
/// <param name="Key">The stream's key within the namespace.</param>
public readonly record struct StreamAddress(string Namespace, string Key)
{
    /// <summary>Returns <c>namespace/key</c>.</summary>
    public override string ToString() => $"{Namespace}/{Key}";
}
