namespace OrleansEvents.Runtime.Grains;

/// <summary>
/// The identity of a grain: its registered grain type name and a string key. There is at most one
/// activation per identity in a silo.
/// </summary>
/// <param name="Type">The grain type name given at registration (by default the interface's full name).</param>
/// <param name="Key">The key the grain was asked for with <see cref="IGrainFactory.GetGrain{TGrainInterface}(string)"/>.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>Returns <c>type/key</c>, the form used in logs and exception messages.</summary>
    public override string ToString() => $"{Type}/{Key}";
}
