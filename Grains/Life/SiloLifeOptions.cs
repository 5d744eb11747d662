using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Life;

/// <summary>How the silo watches its store. Section <c>Events:Storage</c>.</summary>
public sealed class SiloLifeOptions
{
    public const string SectionName = "Events:Storage";

    /// <summary>How often the store is probed. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(2);
}
