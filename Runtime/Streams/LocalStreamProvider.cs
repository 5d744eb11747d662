using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Runtime.Diagnostics;

namespace OrleansEvents.Runtime.Streams;

/// <summary>In-memory streams of this silo, one per stream id.</summary>
internal sealed class LocalStreamProvider(IOptions<StreamOptions> options, RuntimeMetrics metrics, ILogger<LocalStreamProvider> logger)
    : IStreamProvider
{
    private readonly ConcurrentDictionary<StreamId, object> _streams = new();

    public IAsyncStream<T> GetStream<T>(string @namespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentNullException.ThrowIfNull(key);
        var stream = _streams.GetOrAdd(
            new StreamId(@namespace, key),
            id => new LocalStream<T>(id, options.Value.SubscriberBufferCapacity, metrics, logger));
        return stream as IAsyncStream<T>
            ?? throw new InvalidOperationException($"Stream {@namespace}/{key} carries {stream.GetType().GenericTypeArguments[0]}, not {typeof(T)}.");
    }
}
