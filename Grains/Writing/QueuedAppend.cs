using OrleansEvents.Storage;

namespace OrleansEvents.Writing;

/// <summary>One caller's requests waiting for their transaction (always the same one), and the caller waiting for them.</summary>
internal sealed class QueuedAppend(IReadOnlyList<AppendRequest> requests)
{
    private readonly TaskCompletionSource<IReadOnlyList<AppendOutcome>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<AppendRequest> Requests { get; } = requests;

    public int EventCount { get; } = requests.Sum(r => r.Events.Count);

    public Task<IReadOnlyList<AppendOutcome>> Completion => _completion.Task;

    /// <summary>True once the caller gave up while the append was still queued; it is then not written.</summary>
    public bool IsCancelled => _completion.Task.IsCanceled;

    public void TryCancel(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);

    public void Complete(IReadOnlyList<AppendOutcome> outcomes) => _completion.TrySetResult(outcomes);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
