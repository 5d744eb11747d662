using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Tests.Runtime.TestGrains;

public sealed class CycleGrain(RuntimeProbe probe) : Grain, ICycleGrain
{
    public Task PingAsync(string other) => GrainFactory.GetGrain<ICycleGrain>(other).RelayAsync(GrainKey);

    public Task RelayAsync(string caller)
    {
        probe.Record($"relaying:{GrainKey}");
        return GrainFactory.GetGrain<ICycleGrain>(caller).PongAsync();
    }

    public Task PongAsync() => Task.CompletedTask;
}
