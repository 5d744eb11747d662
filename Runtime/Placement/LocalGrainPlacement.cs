using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Placement;

/// <summary>Places every grain on the local silo (the only one until there is a cluster).</summary>
internal sealed class LocalGrainPlacement(SiloAddress localSilo) : IGrainPlacement
{
    public SiloAddress PlaceGrain(GrainId grain) => localSilo;
}
