namespace OrleansEvents.Events;

/// <summary>Who closed a problem.</summary>
[GenerateSerializer]
[Alias("oe.ResolvedBy")]
public enum ResolvedBy
{
    Human,
    LlmAgent,
    Auto,
}
