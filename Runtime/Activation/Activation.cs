using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Timers;

namespace OrleansEvents.Runtime.Activation;

/// <summary>
/// The single activation of one grain: a mailbox that runs turns one at a time, in arrival order.
/// An idle activation costs a few small objects and no thread, timer or channel: the mailbox schedules
/// itself on the thread pool only when a turn arrives, drains what is queued and goes idle again.
/// Lifecycle (activation, deactivation, timers) lives in <c>Activation.Lifecycle.cs</c>.
/// </summary>
internal sealed partial class Activation(GrainId id, GrainRegistration registration, ActivationCatalog catalog)
    : IThreadPoolWorkItem
{
    // A busy grain yields the thread after this many turns so that other grains get their share.
    private const int TurnsPerSlice = 64;

    private readonly Lock _lock = new();
    private Queue<IGrainTurn>? _queue;
    private ActivationState _state;
    private bool _scheduled;
    private DeactivationReason? _deactivation;
    private long _idleSince = catalog.TimeProvider.GetTimestamp();
    private object? _grain;

    public GrainId Id => id;

    public ActivationCatalog Catalog => catalog;

    /// <summary>The grain instance; set before any turn runs.</summary>
    public object Grain => _grain!;

    /// <summary>
    /// Records activity for idle collection. Calls mark it when they start and when they finish, before their
    /// caller can observe the result, so a caller that moves the clock on after a call sees a consistent idle age.
    /// </summary>
    public void MarkActive() => Volatile.Write(ref _idleSince, catalog.TimeProvider.GetTimestamp());

    /// <summary>Queues a turn; returns false when this activation is gone and the caller must find a new one.</summary>
    public bool TryEnqueue(IGrainTurn turn)
    {
        var schedule = false;
        var runNow = false;
        lock (_lock)
        {
            if (_state == ActivationState.Deactivated)
            {
                return false;
            }

            // Interleaving turns skip the queue once the grain is active; before that they wait for activation.
            if (turn.IsInterleaved && _state == ActivationState.Active)
            {
                runNow = true;
            }
            else
            {
                (_queue ??= new Queue<IGrainTurn>()).Enqueue(turn);
                if (!_scheduled)
                {
                    _scheduled = true;
                    schedule = true;
                }
            }
        }

        // The caller's own thread runs the turn next, once it awaits: under load a call does not wait
        // behind the whole shared queue (thousands of socket completions), and idle threads still steal it.
        if (runNow)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Turn.Run(state.Activation), (Turn: turn, Activation: this), preferLocal: true);
        }
        else
        {
            catalog.Metrics.TurnQueued();
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }

        return true;
    }

    void IThreadPoolWorkItem.Execute() => _ = PumpAsync();

    private async Task PumpAsync()
    {
        if (_state == ActivationState.Created && !await ActivateAsync().ConfigureAwait(false))
        {
            return;
        }

        for (var turns = 0; ; turns++)
        {
            IGrainTurn? turn;
            DeactivationReason? deactivation;
            lock (_lock)
            {
                deactivation = _deactivation;
                turn = null;
                if (deactivation is null && (_queue is null || !_queue.TryDequeue(out turn)))
                {
                    _scheduled = false;
                    return;
                }
            }

            if (deactivation is { } reason)
            {
                await RunDeactivationAsync(reason).ConfigureAwait(false);
                return;
            }

            catalog.Metrics.TurnDequeued();
            await RunTurnAsync(turn!).ConfigureAwait(false);
            if (turns == TurnsPerSlice)
            {
                // Still scheduled: yield the thread and continue as a fresh work item behind other grains.
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }
        }
    }

    private Task RunTurnAsync(IGrainTurn turn)
    {
        var running = turn.Run(this);
        if (turn.IsInterleaved || running is null)
        {
            // An interleaving turn queued during activation is started, not awaited.
            return Task.CompletedTask;
        }

        return running;
    }

    private List<IGrainTurn> DrainQueue()
    {
        var pending = new List<IGrainTurn>(_queue?.Count ?? 0);
        while (_queue is not null && _queue.TryDequeue(out var turn))
        {
            pending.Add(turn);
            catalog.Metrics.TurnDequeued();
        }

        return pending;
    }

    public override string ToString() => Id.ToString();
}
