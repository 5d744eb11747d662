using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using OrleansEvents.Fanout;
using OrleansEvents.Hosting;
using OrleansEvents.Retention;
using OrleansEvents.Storage;
using OrleansEvents.Writing;

namespace OrleansEvents.Streams;

/// <summary>What every stream grain needs, injected as one, so the five grain classes stay one line each.</summary>
public sealed class StreamGrainServices(
    IEventLog log, EventWriter writer, IClusterClient cluster, RetentionEpoch retention, IOptions<EventsOptions> options,
    IOptions<ProblemGroupsOptions> problemGroups, [FromKeyedServices(EventClock.Key)] TimeProvider clock, ILogger<StreamGrainServices> logger)
{
    private readonly Lazy<IAsyncStream<LogNotification>> _notifications =
        new(() => cluster.GetStreamProvider(StreamProviders.Events).GetStream<LogNotification>(LogStream.Id));

    public IEventLog Log { get; } = log;

    public EventWriter Writer { get; } = writer;

    public EventsOptions Options { get; } = options.Value;

    public ProblemGroupsOptions ProblemGroups { get; } = problemGroups.Value;

    public TimeProvider Clock { get; } = clock;

    public ILogger Logger { get; } = logger;

    public RetentionEpoch Retention { get; } = retention;

    public Task PublishAsync(LogNotification notification) => _notifications.Value.OnNextAsync(notification);

    /// <summary>Publishes several notifications as one stream message, so they arrive together and in this order.</summary>
    public Task PublishAsync(IReadOnlyList<LogNotification> notifications) =>
        notifications.Count == 0 ? Task.CompletedTask : _notifications.Value.OnNextBatchAsync(notifications);
}
