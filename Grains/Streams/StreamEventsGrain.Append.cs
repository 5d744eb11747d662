using OrleansEvents.Events;
using OrleansEvents.Storage;
using OrleansEvents.Validation;

namespace OrleansEvents.Streams;

public abstract partial class StreamEventsGrain
{
    public async Task<AppendedEvent> AppendAsync(NewEvent newEvent, long? expectedVersion = null) =>
        (await AppendBatchAsync([newEvent], expectedVersion))[0];

    public async Task<IReadOnlyList<AppendedEvent>> AppendBatchAsync(IReadOnlyList<NewEvent> events, long? expectedVersion = null)
    {
        var pending = EventValidator.Normalize(events, services.Clock.GetUtcNow());
        EnsureAllBelongHere(pending);
        await EnsureCurrentAsync();
        for (var attempt = 0; ; attempt++)
        {
            // Without a caller's expectation the grain still expects its own view of the head: a
            // mismatch means another activation wrote, so the grain reloads and tries again.
            var expected = expectedVersion ?? State.Version;
            var request = new AppendRequest(TenantId, pending, new Dictionary<Events.StreamId, long> { [Stream] = expected });
            var outcome = await services.Writer.AppendAsync(request);
            if (outcome.Conflict is null)
            {
                foreach (var appended in outcome.Events.Where(a => !a.IsDuplicate))
                {
                    State.Appended(appended.Event);
                }

                return outcome.Events;
            }

            await ReloadAsync();
            if (expectedVersion is not null || attempt >= services.Options.ConflictRetries)
            {
                throw outcome.Conflict;
            }
        }
    }

    private void EnsureAllBelongHere(IReadOnlyList<PendingEvent> pending)
    {
        var strays = pending
            .Select((e, index) => (e.Stream, index))
            .Where(p => p.Stream != Stream)
            .Select(p => new FieldError(pending.Count == 1 ? "stream" : $"[{p.index}].stream", $"routes to {p.Stream}, not to this grain's stream {Stream}"))
            .ToList();
        if (strays.Count > 0)
        {
            throw new EventValidationException(strays);
        }
    }
}
