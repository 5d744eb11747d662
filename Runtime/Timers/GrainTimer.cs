using OrleansEvents.Runtime.Activation;
using RuntimeActivation = OrleansEvents.Runtime.Activation.Activation;

namespace OrleansEvents.Runtime.Timers;

/// <summary>
/// An in-memory timer whose ticks are queued as turns of its activation, so the callback never runs
/// concurrently with a call. At most one tick waits in the queue at a time; ticks due meanwhile are skipped,
/// so a slow callback never piles up ticks.
/// </summary>
internal sealed class GrainTimer(RuntimeActivation activation, Func<CancellationToken, Task> callback) : IGrainTimer, IGrainTurn
{
    private ITimer? _timer;
    private int _pending;
    private volatile bool _stopped;

    public bool IsInterleaved => false;

    // Ticks are not calls: a grain that only has a timer is still collected when idle.
    public bool KeepsAlive => false;

    public void Start(TimeSpan dueTime, TimeSpan period) =>
        _timer = activation.Catalog.TimeProvider.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, period);

    public void Change(TimeSpan dueTime, TimeSpan period) => _timer?.Change(dueTime, period);

    public Task? Run(RuntimeActivation activation)
    {
        // From here on a new tick may queue behind this one.
        Volatile.Write(ref _pending, 0);
        if (_stopped)
        {
            return null;
        }

        Task running;
        try
        {
            running = callback(activation.Catalog.StoppingToken);
        }
        catch (Exception error)
        {
            Complete(Task.FromException(error));
            return null;
        }

        if (running.IsCompleted)
        {
            Complete(running);
            return null;
        }

        return FinishAsync(running);
    }

    public void Abandon(Exception error) => Volatile.Write(ref _pending, 0);

    public void Dispose()
    {
        Stop();
        activation.RemoveTimer(this);
    }

    public void Stop()
    {
        _stopped = true;
        _timer?.Dispose();
    }

    private void OnTick()
    {
        if (_stopped || Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        if (!activation.TryEnqueue(this))
        {
            Stop();
        }
    }

    private async Task FinishAsync(Task running)
    {
        try
        {
            await running.ConfigureAwait(false);
        }
        catch
        {
            // Observed and logged by Complete.
        }

        Complete(running);
    }

    private void Complete(Task completed)
    {
        if (completed.Exception is { } error)
        {
            ActivationLog.TimerFailed(activation.Catalog.Logger, activation.Id, error.InnerException ?? error);
        }
    }
}
