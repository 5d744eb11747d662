using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Fanout;

/// <summary>How the silo's log tailer follows the committed log. Section <c>Events:Tailer</c>.</summary>
public sealed class LogTailerOptions
{
    public const string SectionName = "Events:Tailer";

    /// <summary>How often the log is read when no local commit woke the tailer (other silos' commits). Default 250 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long the tailer keeps rereading quickly for a local commit it cannot read yet (an older
    /// transaction anywhere in the database cluster holds it back) before it leaves it to the poll. Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan LocalCommitWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events read per query. Default 500.</summary>
    [Range(1, 10_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>How long without a successful read before the tailer counts as stalled (readiness fails). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(30);
}
