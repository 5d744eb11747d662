using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>
/// The store-independent part of an append: which event ids to look up, which stream heads to lock
/// (in one fixed order, so two batches never deadlock), which versions the new events get, and
/// which events come back as duplicates.
/// </summary>
internal sealed class AppendPlan(string tenantId, IReadOnlyList<PendingEvent> events, AppendOptions? options)
{
    private readonly Dictionary<string, long> _heads = new(StringComparer.Ordinal);
    private readonly List<PlannedRow> _rows = [];

    public string TenantId { get; } = tenantId;

    public string[] EventIds { get; } = events.Select(e => e.EventId).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Streams in ordinal order: the lock order of every append.</summary>
    public string[] Streams { get; } = events.Select(e => e.Stream.ToString()).Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<PlannedRow> Rows => _rows;

    /// <summary>Head versions after the append, for the streams that got new events.</summary>
    public IReadOnlyDictionary<string, long> NewHeads => _heads;

    /// <summary>Assigns versions to the events not stored yet; throws when a stream is not where the caller expected.</summary>
    public void Assign(IReadOnlyDictionary<string, long> currentHeads, IReadOnlyDictionary<string, StoredEvent> alreadyStored)
    {
        _heads.Clear();
        _rows.Clear();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pending in events)
        {
            if (alreadyStored.ContainsKey(pending.EventId) || !planned.Add(pending.EventId))
            {
                continue;
            }

            var stream = pending.Stream.ToString();
            var head = _heads.TryGetValue(stream, out var moved) ? moved : currentHeads.GetValueOrDefault(stream);
            if (!_heads.ContainsKey(stream) && options?.ExpectedVersions?.TryGetValue(pending.Stream, out var expected) == true
                && expected != head)
            {
                throw new StreamVersionConflictException(pending.Stream, expected, head);
            }

            _heads[stream] = head + 1;
            _rows.Add(new PlannedRow(pending, head + 1));
        }
    }

    /// <summary>One result per input event, in input order.</summary>
    public IReadOnlyList<AppendedEvent> Results(
        IReadOnlyDictionary<string, StoredEvent> alreadyStored, IEnumerable<StoredEvent> inserted)
    {
        var insertedById = inserted.ToDictionary(e => e.EventId, StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        return events.Select(pending => alreadyStored.TryGetValue(pending.EventId, out var stored)
                ? new AppendedEvent(stored, IsDuplicate: true)
                : new AppendedEvent(insertedById[pending.EventId], IsDuplicate: !reported.Add(pending.EventId)))
            .ToList();
    }
}
