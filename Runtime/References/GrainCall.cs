using System.Reflection;
using OrleansEvents.Runtime.Activation;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Placement;

namespace OrleansEvents.Runtime.References;

/// <summary>
/// One call: both the turn that runs on the target activation and the promise its caller awaits.
/// Deriving from <see cref="TaskCompletionSource{TResult}"/> keeps a call at two allocations (this and its task).
/// Continuations run asynchronously so a caller never runs inline on the callee's turn.
/// </summary>
internal sealed class GrainCall<TResult>(GrainId target, GrainMethod<TResult> method, object?[] arguments, CallTracker tracker)
    : TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), IGrainCall, IGrainTurn, ITrackedCall
{
    public GrainId Target => target;

    public MethodInfo Method => method.Method;

    public IReadOnlyList<object?> Arguments => arguments;

    public bool IsInterleaved => method.IsInterleaved;

    public bool KeepsAlive => true;

    public long Deadline { get; set; }

    public long StartedAt { get; set; }

    public Task? Run(object grain)
    {
        if (Task.IsCompleted)
        {
            // Timed out while queued: the caller has moved on, so the grain does not run it.
            return null;
        }

        ValueTask<TResult> pending;
        try
        {
            pending = method.Invoker(grain, arguments);
        }
        catch (Exception error)
        {
            Fail(error);
            return null;
        }

        if (pending.IsCompletedSuccessfully)
        {
            Succeed(pending.Result);
            return null;
        }

        return AwaitAsync(pending);
    }

    public void Abandon(Exception error) => Fail(error);

    public void Fail(Exception error)
    {
        if (TrySetException(error))
        {
            tracker.Completed(this, succeeded: false);
        }
    }

    public void TimeOut(TimeSpan timeout) =>
        TrySetException(new TimeoutException($"Call to {target}.{method.Method.Name} timed out after {timeout}."));

    private void Succeed(TResult result)
    {
        if (TrySetResult(result))
        {
            tracker.Completed(this, succeeded: true);
        }
    }

    private async Task AwaitAsync(ValueTask<TResult> pending)
    {
        try
        {
            Succeed(await pending.ConfigureAwait(false));
        }
        catch (Exception error)
        {
            Fail(error);
        }
    }
}
