namespace OrleansEvents.Bench.Runtime;

/// <summary>A grain whose only method does nothing: measures Orleans, not the grain.</summary>
[Alias("bench.INoopGrain")]
public interface INoopGrain : IGrainWithStringKey
{
    /// <summary>Returns at once.</summary>
    Task PingAsync();
}
