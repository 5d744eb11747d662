using OrleansEvents.Runtime.Streams;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A stream provider whose streams deliver exactly what a test publishes, inline, so a test decides what the feed sees and when.</summary>
public sealed class ManualStreamProvider : IStreamProvider
{
    private readonly Dictionary<(string, string), object> _streams = [];

    public IAsyncStream<T> GetStream<T>(string @namespace, string key)
    {
        lock (_streams)
        {
            if (!_streams.TryGetValue((@namespace, key), out var stream))
            {
                stream = new ManualStream<T>(new StreamAddress(@namespace, key));
                _streams[(@namespace, key)] = stream;
            }

            return (IAsyncStream<T>)stream;
        }
    }
}
