using Orleans;

namespace OrleansEvents.Tests.Providers;

/// <summary>The persistent state of <see cref="StateProbeGrain"/>.</summary>
[GenerateSerializer]
[Alias("OrleansEvents.Tests.Providers.ProbeState")]
public sealed class ProbeState
{
    [Id(0)]
    public string? Value { get; set; }

    [Id(1)]
    public int Writes { get; set; }
}
