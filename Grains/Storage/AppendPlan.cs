using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>
/// The store-independent part of appending a group of requests in one transaction: which event ids
/// to look up, which stream heads to lock (in one fixed order, so two transactions never deadlock),
/// which versions the new events get, which requests conflict, and which events are duplicates.
/// </summary>
internal sealed class AppendPlan
{
    /// <summary>What a write from hints assumes is stored already: nothing.</summary>
    public static readonly IReadOnlyDictionary<EventKey, StoredEvent> NothingStored = new Dictionary<EventKey, StoredEvent>();

    private static readonly IReadOnlyDictionary<StreamId, long> NoVersions = new Dictionary<StreamId, long>();

    private readonly IReadOnlyList<AppendRequest> _requests;
    private readonly Dictionary<StreamKey, long> _heads = [];
    private readonly List<PlannedRow> _rows = [];
    private readonly Dictionary<int, StreamVersionConflictException> _conflicts = [];
    private bool _hintsTried;

    public AppendPlan(IReadOnlyList<AppendRequest> requests)
    {
        _requests = requests;
        // Runs per commit group, on the path of every append: plain loops rather than LINQ chains.
        var eventKeys = new HashSet<EventKey>();
        var streamKeys = new HashSet<StreamKey>();
        foreach (var request in requests)
        {
            foreach (var pending in request.Events)
            {
                eventKeys.Add(new EventKey(request.TenantId, pending.EventId));
                streamKeys.Add(new StreamKey(request.TenantId, pending.Stream.ToString()));
            }
        }

        EventKeys = [.. eventKeys];
        StreamKeys = [.. streamKeys];
        Array.Sort(StreamKeys, LockOrder);
    }

    public EventKey[] EventKeys { get; }

    /// <summary>Streams in ordinal order: the lock order of every append.</summary>
    public StreamKey[] StreamKeys { get; }

    /// <summary>New events in request order, each with its version.</summary>
    public IReadOnlyList<PlannedRow> Rows => _rows;

    /// <summary>Head versions after the append, for the streams that got new events.</summary>
    public IReadOnlyDictionary<StreamKey, long> NewHeads => _heads;

    /// <summary>
    /// Gives versions to the events not stored yet. A request whose stream is not at its expected
    /// version gets none of its events stored; a request whose events are all stored already is a
    /// harmless retry, whatever it expected.
    /// </summary>
    public void Assign(IReadOnlyDictionary<StreamKey, long> currentHeads, IReadOnlyDictionary<EventKey, StoredEvent> alreadyStored)
    {
        _heads.Clear();
        _rows.Clear();
        _conflicts.Clear();
        var planned = new HashSet<EventKey>();
        for (var index = 0; index < _requests.Count; index++)
        {
            var request = _requests[index];
            var fresh = new List<PendingEvent>(request.Events.Count);
            foreach (var pending in request.Events)
            {
                var key = new EventKey(request.TenantId, pending.EventId);
                if (!alreadyStored.ContainsKey(key) && planned.Add(key))
                {
                    fresh.Add(pending);
                }
            }

            if (FindConflict(request, fresh, currentHeads) is { } conflict)
            {
                _conflicts[index] = conflict;
                planned.ExceptWith(fresh.Select(e => new EventKey(request.TenantId, e.EventId)));
                continue;
            }

            foreach (var pending in fresh)
            {
                var stream = new StreamKey(request.TenantId, pending.Stream.ToString());
                var version = Head(stream, currentHeads) + 1;
                _heads[stream] = version;
                _rows.Add(new PlannedRow(request.TenantId, pending, version, currentHeads.GetValueOrDefault(stream)));
            }
        }
    }

    /// <summary>
    /// Versions the events from the heads the callers believe current (known and expected versions),
    /// assuming none of them is stored yet, so a store can write without reading first. Works once:
    /// false when a stream's head is unknown, hints disagree, a request would conflict, or the hints
    /// were tried already (and found stale), and the store reads heads and calls <see cref="Assign"/>.
    /// </summary>
    public bool TryAssignFromHints()
    {
        if (_hintsTried)
        {
            return false;
        }

        _hintsTried = true;
        var hinted = new Dictionary<StreamKey, long>();
        foreach (var request in _requests)
        {
            foreach (var hint in (request.KnownVersions ?? NoVersions).Concat(request.ExpectedVersions ?? NoVersions))
            {
                var stream = new StreamKey(request.TenantId, hint.Key.ToString());
                if (hinted.TryGetValue(stream, out var other) && other != hint.Value)
                {
                    return false;
                }

                hinted[stream] = hint.Value;
            }
        }

        if (!StreamKeys.All(hinted.ContainsKey))
        {
            return false;
        }

        Assign(hinted, NothingStored);
        return _conflicts.Count == 0;
    }

    /// <summary>One outcome per request, each listing its events in request order.</summary>
    public IReadOnlyList<AppendOutcome> Outcomes(IReadOnlyDictionary<EventKey, StoredEvent> alreadyStored, IEnumerable<StoredEvent> inserted)
    {
        var insertedByKey = inserted.ToDictionary(e => new EventKey(e.TenantId, e.EventId));
        var reported = new HashSet<EventKey>();
        return _requests.Select((request, index) => _conflicts.TryGetValue(index, out var conflict)
                ? new AppendOutcome([], conflict)
                : new AppendOutcome(request.Events.Select(pending =>
                {
                    var key = new EventKey(request.TenantId, pending.EventId);
                    return alreadyStored.TryGetValue(key, out var stored)
                        ? new AppendedEvent(stored, IsDuplicate: true)
                        : new AppendedEvent(insertedByKey[key], IsDuplicate: !reported.Add(key));
                }).ToList(), null))
            .ToList();
    }

    private StreamVersionConflictException? FindConflict(
        AppendRequest request, List<PendingEvent> fresh, IReadOnlyDictionary<StreamKey, long> currentHeads)
    {
        if (request.ExpectedVersions is not { Count: > 0 } expectations)
        {
            return null;
        }

        foreach (var stream in fresh.Select(e => e.Stream).Distinct())
        {
            var head = Head(new StreamKey(request.TenantId, stream.ToString()), currentHeads);
            if (expectations.TryGetValue(stream, out var expected) && expected != head)
            {
                return new StreamVersionConflictException(stream, expected, head);
            }
        }

        return null;
    }

    private static int LockOrder(StreamKey x, StreamKey y) =>
        string.CompareOrdinal(x.TenantId, y.TenantId) is var byTenant and not 0 ? byTenant : string.CompareOrdinal(x.Stream, y.Stream);

    /// <summary>The stream's head as this transaction has moved it so far.</summary>
    private long Head(StreamKey stream, IReadOnlyDictionary<StreamKey, long> currentHeads) =>
        _heads.TryGetValue(stream, out var moved) ? moved : currentHeads.GetValueOrDefault(stream);
}
