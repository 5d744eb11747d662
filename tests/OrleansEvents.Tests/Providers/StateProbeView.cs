using Orleans;

namespace OrleansEvents.Tests.Providers;

/// <summary>What a <see cref="StateProbeGrain"/> activation holds: its state, whether storage has a record, and who it is.</summary>
[GenerateSerializer]
[Alias("OrleansEvents.Tests.Providers.StateProbeView")]
public sealed record StateProbeView(
    [property: Id(0)] string? Value,
    [property: Id(1)] int Writes,
    [property: Id(2)] bool RecordExists,
    [property: Id(3)] Guid Activation);
