using OrleansEvents.Storage;

namespace OrleansEvents.Writing;

/// <summary>An append waiting for its transaction, and the caller waiting for it.</summary>
internal sealed class QueuedAppend(AppendRequest request)
{
    private readonly TaskCompletionSource<AppendOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AppendRequest Request { get; } = request;

    public Task<AppendOutcome> Completion => _completion.Task;

    /// <summary>True once the caller gave up while the append was still queued; it is then not written.</summary>
    public bool IsCancelled => _completion.Task.IsCanceled;

    public void TryCancel(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);

    public void Complete(AppendOutcome outcome) => _completion.TrySetResult(outcome);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
