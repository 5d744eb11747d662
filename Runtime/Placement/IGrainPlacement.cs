using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Placement;

/// <summary>Decides which silo hosts a grain. The single-silo implementation always answers the local silo.</summary>
public interface IGrainPlacement
{
    /// <summary>Returns the silo that should host (or already hosts) <paramref name="grain"/>.</summary>
    SiloAddress PlaceGrain(GrainId grain);
}
