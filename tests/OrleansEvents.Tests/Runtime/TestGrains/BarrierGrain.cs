namespace OrleansEvents.Tests.Runtime.TestGrains;

/// <summary>Waits inside its turn for all other barrier grains: completes only if the calls run in parallel.</summary>
public sealed class BarrierGrain(GrainBarrier barrier) : IBarrierGrain
{
    public Task ArriveAsync() => barrier.SignalAndWaitAsync();
}
