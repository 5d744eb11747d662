namespace OrleansEvents.Retention;

/// <summary>One retention run as the grain remembers it: when, for which occurrence (daily runs) and scope, what it deleted.</summary>
[GenerateSerializer]
[Alias("oe.RetentionRun")]
public sealed record RetentionRun(
    [Id(0)] DateTimeOffset At,
    [Id(1)] DateTimeOffset? Occurrence,
    [Id(2)] string Scope,
    [Id(3)] long Deleted,
    [Id(4)] int Batches,
    [Id(5)] TimeSpan Duration);
