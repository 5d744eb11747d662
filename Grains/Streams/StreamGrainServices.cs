using Microsoft.Extensions.Options;
using OrleansEvents.Fanout;
using OrleansEvents.Hosting;
using OrleansEvents.Retention;
using OrleansEvents.Runtime.Streams;
using OrleansEvents.Storage;
using OrleansEvents.Writing;

namespace OrleansEvents.Streams;

/// <summary>What every stream grain needs, injected as one, so the five grain classes stay one line each.</summary>
public sealed class StreamGrainServices(
    IEventLog log, EventWriter writer, IStreamProvider streams, RetentionEpoch retention, IOptions<EventsOptions> options, TimeProvider clock)
{
    private readonly IAsyncStream<LogNotification> _notifications = streams.GetStream<LogNotification>(LogStream.Namespace, LogStream.Key);

    public IEventLog Log { get; } = log;

    public EventWriter Writer { get; } = writer;

    public EventsOptions Options { get; } = options.Value;

    public TimeProvider Clock { get; } = clock;

    public RetentionEpoch Retention { get; } = retention;

    public ValueTask PublishAsync(LogNotification notification) => _notifications.PublishAsync(notification);
}
