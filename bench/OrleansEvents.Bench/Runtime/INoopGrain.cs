namespace OrleansEvents.Bench.Runtime;

/// <summary>A grain whose only method does nothing: measures the runtime, not the grain.</summary>
public interface INoopGrain
{
    /// <summary>Returns at once.</summary>
    Task PingAsync();
}
