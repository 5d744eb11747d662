namespace OrleansEvents.Grains;

public enum ReplayState
{
    DryRun,
    Running,
    Completed,
    Cancelled,
    Failed,
}
