using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Stats;

/// <summary>How fresh tenant statistics are. Section <c>Events:Stats</c>.</summary>
public sealed class StatsOptions
{
    public const string SectionName = "Events:Stats";

    /// <summary>How long computed statistics are served before they are computed again. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many event types the statistics list, most frequent first. Default 20.</summary>
    [Range(1, 1000)]
    public int TopTypes { get; set; } = 20;
}
