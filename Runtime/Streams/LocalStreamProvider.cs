using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Runtime.Diagnostics;

namespace OrleansEvents.Runtime.Streams;

/// <summary>In-memory streams of this silo, one per stream id.</summary>
internal sealed class LocalStreamProvider(IOptions<StreamOptions> options, RuntimeMetrics metrics, ILogger<LocalStreamProvider> logger)
    : IStreamProvider, IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<StreamAddress, ILocalStream> _streams = new();

    public IAsyncStream<T> GetStream<T>(string @namespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentNullException.ThrowIfNull(key);
        var stream = _streams.GetOrAdd(
            new StreamAddress(@namespace, key),
            ILocalStream (id) => new LocalStream<T>(id, options.Value.SubscriberBufferCapacity, metrics, logger));
        return stream as IAsyncStream<T>
            ?? throw new InvalidOperationException($"Stream {@namespace}/{key} carries {stream.GetType().GenericTypeArguments[0]}, not {typeof(T)}.");
    }

    /// <summary>Stops every subscriber's delivery loop when the container is disposed.</summary>
    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(_streams.Values.Select(s => s.StopAllAsync())).ConfigureAwait(false);

    /// <summary>Signals every delivery loop to stop without waiting for it (synchronous container disposal).</summary>
    public void Dispose()
    {
        foreach (var stream in _streams.Values)
        {
            _ = stream.StopAllAsync();
        }
    }
}
