using System.Reflection;
using OrleansEvents.Runtime.Activation;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Placement;
using RuntimeActivation = OrleansEvents.Runtime.Activation.Activation;

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

    public Task? Run(RuntimeActivation activation)
    {
        if (Task.IsCompleted)
        {
            // Timed out while queued: the caller has moved on, so the grain does not run it.
            return null;
        }

        // Marked at start and end: a long call is activity too, and the end mark precedes the caller's result.
        activation.MarkActive();
        ValueTask<TResult> pending;
        try
        {
            pending = method.Invoker(activation.Grain, arguments);
        }
        catch (Exception error)
        {
            activation.MarkActive();
            Fail(error);
            return null;
        }

        if (pending.IsCompletedSuccessfully)
        {
            activation.MarkActive();
            Succeed(pending.Result);
            return null;
        }

        return AwaitAsync(activation, pending);
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

    private async Task AwaitAsync(RuntimeActivation activation, ValueTask<TResult> pending)
    {
        TResult result;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            activation.MarkActive();
            Fail(error);
            return;
        }

        activation.MarkActive();
        Succeed(result);
    }
}
