using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using OrleansStreamId = Orleans.Runtime.StreamId;

namespace OrleansEvents.LogQueue;

/// <summary>
/// An in-memory Orleans stream transport whose queues are <see cref="ILogQueueGrain"/>s: like
/// Orleans' memory streams (nothing survives the queue's silo; the log is the truth), but items
/// travel as they are, without a byte buffer, and an idle queue is not polled every few milliseconds.
/// Registered on silos and on clients under the same provider name.
/// </summary>
public sealed class LogQueueAdapterFactory : IQueueAdapterFactory, IQueueAdapter
{
    /// <summary>One queue, so that everything published reaches subscribers in the order it was queued.</summary>
    public const int QueueCount = 1;

    private readonly IGrainFactory _grains;
    private readonly HashRingBasedStreamQueueMapper _queues;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly IStreamFailureHandler _failures = new NoOpStreamDeliveryFailureHandler();

    public LogQueueAdapterFactory(string name, IGrainFactory grains, HashRingStreamQueueMapperOptions queues, SimpleQueueCacheOptions cache, ILoggerFactory loggers)
    {
        Name = name;
        _grains = grains;
        _queues = new HashRingBasedStreamQueueMapper(queues, name);
        _cache = new SimpleQueueAdapterCache(cache, name, loggers);
    }

    public string Name { get; }

    /// <summary>A subscriber starts at the next item; what went before is read from the log.</summary>
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    /// <summary>The queue layout every silo and client of the cluster must share.</summary>
    public static void ConfigureQueues(HashRingStreamQueueMapperOptions options) => options.TotalQueueCount = QueueCount;

    /// <summary>The factory Orleans' <c>AddPersistentStreams</c> takes.</summary>
    public static LogQueueAdapterFactory Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<IGrainFactory>(),
        services.GetOptionsByName<HashRingStreamQueueMapperOptions>(name),
        services.GetOptionsByName<SimpleQueueCacheOptions>(name),
        services.GetRequiredService<ILoggerFactory>());

    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(this);

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _queues;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => Task.FromResult(_failures);

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new LogQueueReceiver(Queue(queueId));

    public Task QueueMessageBatchAsync<T>(OrleansStreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("The log queue does not take sequence tokens from producers.", nameof(token));
        }

        var items = events.Cast<object>().ToList();
        return Queue(_queues.GetQueueForStream(streamId)).EnqueueAsync(new LogQueueBatch(streamId, items, requestContext));
    }

    private ILogQueueGrain Queue(QueueId queueId) => _grains.GetGrain<ILogQueueGrain>($"{Name}/{queueId.GetNumericId()}");
}
