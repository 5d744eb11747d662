namespace OrleansEvents.Runtime.Grains;

/// <summary>Hands out references to grains; usable from any code in the silo, including other grains.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain with interface <typeparamref name="TGrainInterface"/> and the given key.
    /// Nothing is activated until the first call; references are cheap and may be kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">No grain class is registered for the interface.</exception>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : class;
}
