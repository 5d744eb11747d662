using Orleans;

namespace OrleansEvents.Tests.Providers;

/// <summary>A grain with one persistent state on the SQLite grain storage.</summary>
[Alias("OrleansEvents.Tests.Providers.IStateProbeGrain")]
public interface IStateProbeGrain : IGrainWithStringKey
{
    /// <summary>Returns the state this activation holds.</summary>
    [Alias("Read")]
    Task<StateProbeView> ReadAsync();

    /// <summary>Sets the value and writes the state.</summary>
    [Alias("Write")]
    Task WriteAsync(string value);

    /// <summary>Clears the state in storage.</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
