using OrleansEvents.Events;

namespace OrleansEvents.Streams;

/// <summary>One caller's append waiting in its stream grain for the next group to commit.</summary>
internal sealed class QueuedStreamAppend(IReadOnlyList<PendingEvent> events, long? expectedVersion)
{
    private readonly TaskCompletionSource<IReadOnlyList<AppendedEvent>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<PendingEvent> Events { get; } = events;

    public long? ExpectedVersion { get; } = expectedVersion;

    public Task<IReadOnlyList<AppendedEvent>> Completion => _completion.Task;

    public void Complete(IReadOnlyList<AppendedEvent> appended) => _completion.TrySetResult(appended);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
