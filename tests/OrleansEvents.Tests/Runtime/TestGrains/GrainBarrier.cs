namespace OrleansEvents.Tests.Runtime.TestGrains;

/// <summary>Opens when the configured number of participants have arrived.</summary>
public sealed class GrainBarrier(int participants)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public Task SignalAndWaitAsync()
    {
        if (Interlocked.Increment(ref _arrived) == participants)
        {
            _open.TrySetResult();
        }

        return _open.Task;
    }
}
