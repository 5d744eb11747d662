namespace OrleansEvents.Retention;

/// <summary>
/// The retention grain's persistent state: since when the daily run is scheduled, the last occurrence
/// that ran, and the newest runs. A tick, a restart or a second activation never runs an occurrence twice.
/// </summary>
[GenerateSerializer]
[Alias("oe.RetentionHistory")]
public sealed record RetentionHistory
{
    public const int RunsKept = 30;

    /// <summary>When the daily run was first scheduled; earlier occurrences are not owed a run.</summary>
    [Id(0)]
    public DateTimeOffset? ScheduledSince { get; init; }

    /// <summary>The last daily occurrence that ran.</summary>
    [Id(1)]
    public DateTimeOffset? LastOccurrence { get; init; }

    /// <summary>The newest runs (daily and on demand, not dry runs), newest last.</summary>
    [Id(2)]
    public IReadOnlyList<RetentionRun> Runs { get; init; } = [];

    public RetentionHistory With(RetentionRun run) => this with
    {
        LastOccurrence = run.Occurrence ?? LastOccurrence,
        // A plain list: grain storage records the runtime type of the list, and it must be one it can make again.
        Runs = Runs.Skip(Math.Max(0, Runs.Count + 1 - RunsKept)).Append(run).ToList(),
    };
}
