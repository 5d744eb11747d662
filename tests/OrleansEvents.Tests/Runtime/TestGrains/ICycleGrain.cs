namespace OrleansEvents.Tests.Runtime.TestGrains;

public interface ICycleGrain
{
    /// <summary>Calls <paramref name="other"/>, which calls back into this grain: a cycle.</summary>
    Task PingAsync(string other);

    Task RelayAsync(string caller);

    Task PongAsync();
}
