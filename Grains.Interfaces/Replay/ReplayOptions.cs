using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Replay;

/// <summary>Bounds of replays. Section <c>Events:Replay</c>.</summary>
public sealed class ReplayOptions
{
    public const string SectionName = "Events:Replay";

    /// <summary>Most events one replay re-publishes; a request may ask for fewer. Default 1 000.</summary>
    [Range(1, 10_000_000)]
    public int MaxEvents { get; set; } = 1000;

    /// <summary>Replays of more events than this run in the background, with progress and cancellation. Default 200.</summary>
    [Range(1, 10_000_000)]
    public int BackgroundAbove { get; set; } = 200;

    /// <summary>How many matches a dry run shows. Default 10.</summary>
    [Range(0, 1000)]
    public int SampleSize { get; set; } = 10;
}
