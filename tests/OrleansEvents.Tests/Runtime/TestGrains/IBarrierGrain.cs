namespace OrleansEvents.Tests.Runtime.TestGrains;

public interface IBarrierGrain
{
    /// <summary>Returns only once every grain taking part has arrived.</summary>
    Task ArriveAsync();
}
