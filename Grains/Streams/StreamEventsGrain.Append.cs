using OrleansEvents.Events;
using OrleansEvents.Storage;
using OrleansEvents.Validation;

namespace OrleansEvents.Streams;

public abstract partial class StreamEventsGrain
{
    private readonly Queue<QueuedStreamAppend> _appends = new();
    private Task? _committing;

    public async Task<AppendedEvent> AppendAsync(NewEvent newEvent, long? expectedVersion = null) =>
        (await AppendBatchAsync([newEvent], expectedVersion))[0];

    /// <summary>
    /// Appends interleave: each call queues its events, and one commit loop sends everything queued to
    /// the writer as one group (one transaction), then applies the outcome under the state gate. So a
    /// hot stream commits many callers per transaction, in arrival order, and never beside a resolution.
    /// </summary>
    public Task<IReadOnlyList<AppendedEvent>> AppendBatchAsync(IReadOnlyList<NewEvent> events, long? expectedVersion = null)
    {
        var pending = EventValidator.Normalize(events, services.Clock.GetUtcNow());
        EnsureAllBelongHere(pending);
        var queued = new QueuedStreamAppend(pending, expectedVersion);
        // Every turn and the commit loop run on this activation's one scheduler, so no lock is needed.
        // Appends that come while a group is with the writer join the next group.
        _appends.Enqueue(queued);
        _committing ??= CommitQueuedAsync();
        return queued.Completion;
    }

    private async Task CommitQueuedAsync()
    {
        // One turn of the activation's queue first: appends whose messages have already arrived run
        // before the first group is taken and join it, rather than each waiting for a commit of its own.
        await Task.Yield();
        while (true)
        {
            if (_appends.Count == 0)
            {
                _committing = null;
                return;
            }

            var group = TakeGroup();
            await _stateGate.WaitAsync();
            try
            {
                await CommitAsync(group);
            }
            catch (Exception exception)
            {
                group.ForEach(q => q.Fail(exception));
            }
            finally
            {
                _stateGate.Release();
            }
        }
    }

    /// <summary>
    /// The queued appends, oldest first, up to a transaction's worth of events
    /// (at least one append). Thirty callers' thousand-event batches are thirty transactions, not one
    /// that outgrows the store's statement limits and holds its write lock for seconds.
    /// </summary>
    private List<QueuedStreamAppend> TakeGroup()
    {
        var group = new List<QueuedStreamAppend>();
        var events = 0;
        while (_appends.TryPeek(out var next) && (group.Count == 0 || events + next.Events.Count <= services.Writer.MaxBatchEvents))
        {
            group.Add(_appends.Dequeue());
            events += next.Events.Count;
        }

        return group;
    }

    private async Task CommitAsync(List<QueuedStreamAppend> group)
    {
        await EnsureCurrentAsync();
        // Only callers' own expectations are checked: without one, the store gives the next free
        // version even if another activation wrote meanwhile, and the gap tells this grain to reload.
        // The grain's head goes along as a hint, so the store need not read it first.
        var known = new Dictionary<StreamId, long> { [Stream] = State.Version };
        var requests = group.Select(q => new AppendRequest(TenantId, q.Events,
            q.ExpectedVersion is { } expected ? new Dictionary<StreamId, long> { [Stream] = expected } : null, known)).ToList();
        var outcomes = await services.Writer.AppendAllAsync(requests);

        var fresh = outcomes.Where(o => o.Succeeded).SelectMany(o => o.Events).Where(a => !a.IsDuplicate).Select(a => a.Event).ToList();
        var continuous = fresh.Select((e, i) => e.Version == State.Version + 1 + i).All(ok => ok);
        if (continuous && outcomes.All(o => o.Succeeded))
        {
            fresh.ForEach(State.Appended);
            await AfterCommitReportedAsync(outcomes);
        }
        else
        {
            await ReloadAsync();
            await ReportRecountAsync();
        }

        foreach (var (queued, outcome) in group.Zip(outcomes))
        {
            if (outcome.Conflict is { } conflict)
            {
                queued.Fail(conflict);
            }
            else
            {
                queued.Complete(outcome.Events);
            }
        }
    }

    private void EnsureAllBelongHere(IReadOnlyList<PendingEvent> pending)
    {
        List<FieldError>? strays = null;
        for (var index = 0; index < pending.Count; index++)
        {
            if (pending[index].Stream is var stream && stream != Stream)
            {
                (strays ??= []).Add(new FieldError(pending.Count == 1 ? "stream" : $"[{index}].stream", $"routes to {stream}, not to this grain's stream {Stream}"));
            }
        }

        if (strays is not null)
        {
            throw new EventValidationException(strays);
        }
    }
}
