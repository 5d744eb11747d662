using OrleansEvents.Client.Recording;
using OrleansEvents.Events;

namespace OrleansEvents.Client.Sending;

/// <summary>An event on its way, with its place in the queue and, when the caller waits for it, the task it waits on.</summary>
internal sealed class QueuedEvent(NewEvent newEvent, long sequence, bool tracked)
{
    private readonly TaskCompletionSource? _stored = tracked ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;

    public NewEvent Event { get; } = newEvent;

    /// <summary>Order of acceptance; what a flush waits for.</summary>
    public long Sequence { get; } = sequence;

    public Task Stored => _stored?.Task ?? Task.CompletedTask;

    public void Succeed() => _stored?.TrySetResult();

    public void Drop(string reason, string message) =>
        _stored?.TrySetException(new EventDeliveryException(Event.EventId ?? "", reason, message));
}
