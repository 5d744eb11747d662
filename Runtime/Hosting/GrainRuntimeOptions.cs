namespace OrleansEvents.Runtime.Hosting;

/// <summary>Settings of the grain runtime, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>The configuration section: <c>Runtime</c>.</summary>
    public const string SectionName = "Runtime";

    /// <summary>How long a caller waits for a grain call before it fails with a <see cref="TimeoutException"/>. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activation may receive no calls before it is deactivated. Default 15 min.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; at most <see cref="CollectionAge"/>. Default 1 min.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one <c>OnDeactivateAsync</c> may take before it is abandoned. Default 10 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long host shutdown waits for all activations to deactivate. Default 20 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
