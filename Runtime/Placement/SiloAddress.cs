namespace OrleansEvents.Runtime.Placement;

/// <summary>Names one running silo (one runtime instance); unique per process start.</summary>
/// <param name="Id">A name that no other running silo shares, e.g. <c>host/1a2b3c</c>.</param>
public sealed record SiloAddress(string Id)
{
    /// <summary>Creates a fresh address for the silo starting in this process.</summary>
    public static SiloAddress CreateLocal() => new($"{Environment.MachineName}/{Guid.NewGuid():N}");

    /// <summary>Returns <see cref="Id"/>.</summary>
    public override string ToString() => Id;
}
