namespace OrleansEvents.Tests.Runtime.TestGrains;

/// <summary>A contract no test runtime registers.</summary>
public interface IUnregisteredGrain
{
    Task PingAsync();
}
