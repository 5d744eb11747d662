using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Fanout;

/// <summary>How the cluster's log reader follows the committed log. Section <c>Events:LogReader</c>.</summary>
public sealed class LogReaderOptions
{
    public const string SectionName = "Events:LogReader";

    /// <summary>
    /// How often the reader reads the log when no silo woke it: a safety net for a wake lost with a
    /// silo that died right after its commit. Default 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the reader keeps rereading quickly for a commit it was woken for but cannot read yet
    /// (an older transaction anywhere in the database cluster holds it back) before it leaves it to
    /// the poll. Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan CommitWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events read per query, and published per stream message. Default 500.</summary>
    [Range(1, 10_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>How long without a successful read before the reader counts as stalled (readiness fails). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the reader stores its cursor while it publishes. A reader that resumes elsewhere
    /// starts from the stored cursor and publishes at most this much again; subscribers drop what they
    /// already have. Default 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SaveCursorEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A stored cursor older than this (the whole cluster was down) is not resumed from: the reader
    /// starts at the log's end, and subscribers read what they missed from the log. Default 5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ResumeWithin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often every silo asks after the reader. The question activates it on a survivor after its
    /// silo died, even when nothing commits, and keeps the silo's readiness current. Default 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(2);
}
