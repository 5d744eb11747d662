namespace OrleansEvents.Runtime.Streams;

/// <summary>Hands out streams by namespace and key; the same id always yields the same stream.</summary>
public interface IStreamProvider
{
    /// <summary>Returns the stream <paramref name="namespace"/>/<paramref name="key"/> of items of type <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The stream already exists with another item type.</exception>
    IAsyncStream<T> GetStream<T>(string @namespace, string key);
}
