using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Storage;

namespace OrleansEvents.Streams;

/// <summary>
/// What a stream grain knows of its stream without asking the store: head version, counts, and the
/// newest open problems. The head is loaded on activation, the rest (<see cref="HasDetails"/>) when
/// first asked for, so an append to a cold stream waits for one read, not three. Kept current by the
/// grain's own appends and resolutions, which are the only writes to the stream while it is active.
/// </summary>
internal sealed class StreamState(StreamId stream, Severity problemSeverity, int problemsKept)
{
    private readonly Dictionary<Severity, long> _bySeverity = [];
    private readonly Dictionary<Severity, long> _openBySeverity = [];
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
    private readonly SortedList<long, OpenProblem> _newestOpen = [];

    public long Version { get; private set; }

    /// <summary>Whether counts and open problems are loaded; until then only <see cref="Version"/> is kept.</summary>
    public bool HasDetails { get; private set; }

    public DateTimeOffset? FirstEventAt { get; private set; }

    public DateTimeOffset? LastEventAt { get; private set; }

    public long OpenTotal => _openBySeverity.Values.Sum();

    /// <summary>True when some open problems are only in the store: the kept list was trimmed, then shrank by resolutions.</summary>
    public bool ProblemListIncomplete => _newestOpen.Count < Math.Min(problemsKept, OpenTotal);

    /// <summary>Knows only the head; the store has everything else, and <see cref="Load"/> reads it when needed.</summary>
    public void LoadHead(long version) => Version = version;

    public void Load(long version, StreamCounts counts, IReadOnlyList<StoredEvent> newestOpen)
    {
        Version = version;
        HasDetails = true;
        _bySeverity.Clear();
        _openBySeverity.Clear();
        _byType.Clear();
        FirstEventAt = LastEventAt = null;
        foreach (var group in counts.Groups)
        {
            Add(_bySeverity, group.Severity, group.Count);
            Add(_byType, group.EventType, group.Count);
            if (!group.Resolved && IsProblem(group.Severity))
            {
                Add(_openBySeverity, group.Severity, group.Count);
            }

            FirstEventAt = FirstEventAt is { } first && first < group.FirstAt ? first : group.FirstAt;
            LastEventAt = LastEventAt is { } last && last > group.LastAt ? last : group.LastAt;
        }

        ReplaceProblemList(newestOpen);
    }

    public void ReplaceProblemList(IReadOnlyList<StoredEvent> newestOpen)
    {
        _newestOpen.Clear();
        foreach (var open in newestOpen.Where(e => !e.Resolved && IsProblem(e.Severity)).Take(problemsKept))
        {
            _newestOpen[open.Id] = ToProblem(open);
        }
    }

    public void Appended(StoredEvent stored)
    {
        Version = Math.Max(Version, stored.Version);
        if (!HasDetails)
        {
            return;
        }

        Add(_bySeverity, stored.Severity, 1);
        Add(_byType, stored.EventType, 1);
        FirstEventAt = FirstEventAt is { } first && first < stored.Timestamp ? first : stored.Timestamp;
        LastEventAt = LastEventAt is { } last && last > stored.Timestamp ? last : stored.Timestamp;
        if (!stored.Resolved && IsProblem(stored.Severity))
        {
            Open(stored);
        }
    }

    /// <summary>Applies a resolution change the store reported (the event is the changed row).</summary>
    public void ResolutionChanged(StoredEvent changed)
    {
        if (!HasDetails || !IsProblem(changed.Severity))
        {
            return;
        }

        if (changed.Resolved)
        {
            Add(_openBySeverity, changed.Severity, -1);
            _newestOpen.Remove(changed.Id);
        }
        else
        {
            Open(changed);
        }
    }

    public UnresolvedProblems Unresolved(int maxCount) => new(
        stream.ToString(),
        OpenTotal,
        AllSeverities(_openBySeverity),
        _newestOpen.Values.Reverse().Take(Math.Max(0, maxCount)).ToList());

    public StreamSummary Summary() => new(
        stream.ToString(), Version, _bySeverity.Values.Sum(), AllSeverities(_bySeverity), new SortedDictionary<string, long>(_byType, StringComparer.Ordinal),
        FirstEventAt, LastEventAt, OpenTotal);

    private void Open(StoredEvent stored)
    {
        Add(_openBySeverity, stored.Severity, 1);
        _newestOpen[stored.Id] = ToProblem(stored);
        while (_newestOpen.Count > problemsKept)
        {
            _newestOpen.RemoveAt(0);
        }
    }

    private bool IsProblem(Severity severity) => severity >= problemSeverity;

    private static OpenProblem ToProblem(StoredEvent stored) =>
        new(stored.Id, stored.Timestamp, stored.Severity, stored.EventType, stored.Message);

    private static Dictionary<Severity, long> AllSeverities(Dictionary<Severity, long> counts) =>
        Enum.GetValues<Severity>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));

    private static void Add<TKey>(Dictionary<TKey, long> counts, TKey key, long delta)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + delta;
}
