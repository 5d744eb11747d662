namespace OrleansEvents.Grains;

[GenerateSerializer]
[Alias("oe.ReplayState")]
public enum ReplayState
{
    DryRun,
    Running,
    Completed,
    Cancelled,
    Failed,
}
