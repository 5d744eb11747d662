using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansEvents.Runtime.Diagnostics;

namespace OrleansEvents.Runtime.Streams;

/// <summary>
/// One subscriber: a bounded buffer drained by its own delivery loop, which exists only while subscribed.
/// When the buffer is full it drops its oldest item, or makes the publisher wait for room (<see cref="WhenBufferFull"/>).
/// </summary>
internal sealed partial class StreamSubscriber<T> : IStreamSubscriber
{
    // Log the first drop and then one line per this many, so a stuck subscriber cannot flood the log.
    private const int DropsPerLogLine = 1000;

    private readonly StreamAddress _stream;
    private readonly Func<T, CancellationToken, Task> _handler;
    private readonly Channel<T> _buffer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Task _delivery;
    private long _dropped;

    public StreamSubscriber(
        StreamAddress stream, Func<T, CancellationToken, Task> handler, int capacity, WhenBufferFull whenFull, RuntimeMetrics metrics, ILogger logger)
    {
        _stream = stream;
        _handler = handler;
        _metrics = metrics;
        _logger = logger;
        _buffer = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = whenFull == WhenBufferFull.HoldPublisher ? BoundedChannelFullMode.Wait : BoundedChannelFullMode.DropOldest,
                SingleReader = true,
            },
            OnDropped);
        _delivery = Task.Run(DeliverAsync);
    }

    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Buffers <paramref name="item"/>: at once when dropping the oldest, once there is room when holding
    /// publishers. An item for a subscriber that has stopped (or stops meanwhile) is discarded.
    /// </summary>
    public ValueTask OfferAsync(T item) => _buffer.Writer.TryWrite(item) ? ValueTask.CompletedTask : OfferWhenRoomAsync(item);

    private async ValueTask OfferWhenRoomAsync(T item)
    {
        try
        {
            await _buffer.Writer.WriteAsync(item, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ChannelClosedException or OperationCanceledException)
        {
            // Unsubscribed while the publisher waited.
        }
    }

    public async Task StopAsync()
    {
        _buffer.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _delivery.ConfigureAwait(false);
    }

    private async Task DeliverAsync()
    {
        var token = _stopping.Token;
        try
        {
            await foreach (var item in _buffer.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                try
                {
                    await _handler(item, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception error)
                {
                    HandlerFailed(_logger, _stream, error);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Unsubscribed.
        }
    }

    private void OnDropped(T item)
    {
        var dropped = Interlocked.Increment(ref _dropped);
        _metrics.StreamItemDropped(_stream.Namespace);
        if (dropped == 1 || dropped % DropsPerLogLine == 0)
        {
            ItemsDropped(_logger, _stream, dropped);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of stream {Stream} failed on an item; delivery continues with the next")]
    private static partial void HandlerFailed(ILogger logger, StreamAddress stream, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A slow subscriber of stream {Stream} has its buffer full; {Dropped} oldest items dropped so far")]
    private static partial void ItemsDropped(ILogger logger, StreamAddress stream, long dropped);
}
