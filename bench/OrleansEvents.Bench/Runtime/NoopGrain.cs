namespace OrleansEvents.Bench.Runtime;

/// <summary>No fields, so everything an activation costs beyond the grain base is Orleans' own.</summary>
public sealed class NoopGrain : Grain, INoopGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
