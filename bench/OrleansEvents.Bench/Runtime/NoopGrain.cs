namespace OrleansEvents.Bench.Runtime;

/// <summary>No fields and no base class, so everything an activation costs beyond an empty object is runtime overhead.</summary>
public sealed class NoopGrain : INoopGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
