using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Timers;

namespace OrleansEvents.Runtime.Activation;

/// <summary>Activation, deactivation, idle collection and timers of an activation.</summary>
internal sealed partial class Activation
{
    private List<GrainTimer>? _timers;
    private TaskCompletionSource? _deactivated;

    /// <summary>Asks for deactivation after the current turn (or at once when idle); queued calls move to a fresh activation.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        var schedule = false;
        lock (_lock)
        {
            if (_state >= ActivationState.Deactivating || _deactivation is not null)
            {
                return;
            }

            _deactivation = reason;
            if (!_scheduled)
            {
                _scheduled = true;
                schedule = true;
            }
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>
    /// Deactivates when no call is queued and none started or finished within <paramref name="age"/>.
    /// The pump may still be winding down after the last call; it picks the request up before going idle.
    /// </summary>
    public void TryCollect(long now, TimeSpan age)
    {
        var schedule = false;
        lock (_lock)
        {
            if (_state != ActivationState.Active || _deactivation is not null || _queue is { Count: > 0 }
                || catalog.TimeProvider.GetElapsedTime(Volatile.Read(ref _idleSince), now) < age)
            {
                return;
            }

            _deactivation = DeactivationReason.Idle;
            if (!_scheduled)
            {
                _scheduled = true;
                schedule = true;
            }
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Requests deactivation and returns a task that completes when this activation is gone.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        Task done;
        lock (_lock)
        {
            if (_state == ActivationState.Deactivated)
            {
                return Task.CompletedTask;
            }

            done = (_deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        RequestDeactivation(reason);
        return done;
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback);
        lock (_lock)
        {
            if (_state >= ActivationState.Deactivating)
            {
                throw new InvalidOperationException($"Grain {Id} is deactivating; it cannot start timers.");
            }

            (_timers ??= []).Add(timer);
        }

        timer.Start(dueTime, period);
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    private async Task<bool> ActivateAsync()
    {
        lock (_lock)
        {
            _state = ActivationState.Activating;
        }

        try
        {
            var grain = registration.CreateInstance(catalog.Services);
            if (grain is Grain hooks)
            {
                hooks.Attach(this);
                await hooks.OnActivateAsync(catalog.StoppingToken).ConfigureAwait(false);
            }

            lock (_lock)
            {
                _grain = grain;
                _state = ActivationState.Active;
            }

            catalog.OnActivated(this);
            return true;
        }
        catch (Exception error)
        {
            List<IGrainTurn> abandoned;
            TaskCompletionSource? done;
            lock (_lock)
            {
                _state = ActivationState.Deactivated;
                _scheduled = false;
                abandoned = DrainQueue();
                done = _deactivated;
            }

            StopTimers();
            catalog.OnActivationFailed(this, error);

            // Every call that waited for this activation fails with the activation's error; the next call starts afresh.
            foreach (var turn in abandoned)
            {
                turn.Abandon(error);
            }

            done?.TrySetResult();
            return false;
        }
    }

    private async Task RunDeactivationAsync(DeactivationReason reason)
    {
        lock (_lock)
        {
            _state = ActivationState.Deactivating;
        }

        StopTimers();
        if (_grain is Grain hooks)
        {
            var timeout = catalog.Options.DeactivationTimeout;
            using var cancellation = new CancellationTokenSource(timeout, catalog.TimeProvider);
            try
            {
                await hooks.OnDeactivateAsync(reason, cancellation.Token).WaitAsync(timeout, catalog.TimeProvider).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                ActivationLog.DeactivationFailed(catalog.Logger, Id, error);
            }
        }

        List<IGrainTurn> pending;
        TaskCompletionSource? done;
        lock (_lock)
        {
            _state = ActivationState.Deactivated;
            _scheduled = false;
            pending = DrainQueue();
            done = _deactivated;
        }

        catalog.OnDeactivated(this, reason);
        foreach (var turn in pending)
        {
            // Calls that arrived during deactivation go to a fresh activation; timer ticks die with this one.
            if (turn.KeepsAlive)
            {
                catalog.Redeliver(Id, turn);
            }
            else
            {
                turn.Abandon(new ObjectDisposedException(Id.ToString()));
            }
        }

        done?.TrySetResult();
        try
        {
            (_grain as IDisposable)?.Dispose();
        }
        catch (Exception error)
        {
            ActivationLog.DeactivationFailed(catalog.Logger, Id, error);
        }
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            if (_timers is null)
            {
                return;
            }

            timers = [.. _timers];
            _timers = null;
        }

        foreach (var timer in timers)
        {
            timer.Stop();
        }
    }
}
