namespace OrleansEvents.Events;

/// <summary>Who closed a problem.</summary>
public enum ResolvedBy
{
    Human,
    LlmAgent,
    Auto,
}
