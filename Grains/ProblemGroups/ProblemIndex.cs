using OrleansEvents.Queries;

namespace OrleansEvents.ProblemGroups;

/// <summary>
/// A tenant's open problems as groups of stream parts, and each group's summary, kept once per change
/// (and per hour, as the sparkline window moves), so a list costs no more than sorting the summaries.
/// </summary>
internal sealed class ProblemIndex
{
    public const int Hours = 24;

    private readonly Dictionary<string, GroupParts> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byStream = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProblemGroup> _summaries = new(StringComparer.Ordinal);
    private long _summarizedAtHour;

    public IEnumerable<string> Fingerprints => _groups.Keys;

    public static long WindowStart(DateTimeOffset now) => StreamPart.HourOf(now) - (Hours - 1);

    public IReadOnlyList<string> StreamsOf(string fingerprint) =>
        _groups.TryGetValue(fingerprint, out var group) ? [.. group.Streams.Order(StringComparer.Ordinal)] : [];

    /// <summary>Whether the stream's part of the group already counts events up to <paramref name="version"/>.</summary>
    public bool Counted(string fingerprint, string stream, long version) =>
        _groups.TryGetValue(fingerprint, out var group) && group.Counted(stream, version);

    public void Add(string stream, ProblemOccurrence occurrence, DateTimeOffset now)
    {
        ForgetOldHours(now);
        if (Group(occurrence.Fingerprint).Add(stream, occurrence, _summarizedAtHour))
        {
            Streams(stream).Add(occurrence.Fingerprint);
        }

        _summaries.Remove(occurrence.Fingerprint);
    }

    /// <summary>Sets the stream's part of the group, as counted from the store.</summary>
    public void Put(string fingerprint, string stream, StreamPart part)
    {
        if (Group(fingerprint).Put(stream, part))
        {
            Streams(stream).Add(fingerprint);
        }

        _summaries.Remove(fingerprint);
    }

    /// <summary>Drops everything the index knows of the stream; the fingerprints it was in.</summary>
    public IReadOnlyList<string> RemoveStream(string stream)
    {
        if (!_byStream.Remove(stream, out var fingerprints))
        {
            return [];
        }

        foreach (var fingerprint in fingerprints)
        {
            var group = _groups[fingerprint];
            group.Remove(stream);
            if (group.Count == 0)
            {
                _groups.Remove(fingerprint);
            }

            _summaries.Remove(fingerprint);
        }

        return [.. fingerprints];
    }

    public void Clear()
    {
        _groups.Clear();
        _byStream.Clear();
        _summaries.Clear();
    }

    public ProblemGroup? Summary(string fingerprint, DateTimeOffset now)
    {
        ForgetOldHours(now);
        if (_summaries.TryGetValue(fingerprint, out var known))
        {
            return known;
        }

        if (!_groups.TryGetValue(fingerprint, out var group) || !ProblemFingerprint.TryParse(fingerprint, out var kind, out var eventType))
        {
            return null;
        }

        return _summaries[fingerprint] = group.Summary(fingerprint, kind, eventType, _summarizedAtHour, Hours);
    }

    public ProblemGroupPage List(EventFilter filter, DateTimeOffset now)
    {
        var matching = _groups.Keys.Select(f => Summary(f, now)!).Where(g => Matches(filter, g));
        var ordered = filter.Order == SortOrder.Ascending
            ? matching.OrderBy(g => g.LastSeen).ThenBy(g => g.Fingerprint, StringComparer.Ordinal)
            : matching.OrderByDescending(g => g.LastSeen).ThenBy(g => g.Fingerprint, StringComparer.Ordinal);
        var all = ordered.ToList();
        return new ProblemGroupPage([.. all.Skip(filter.Offset).Take(filter.Limit)], all.Count);
    }

    private static bool Matches(EventFilter filter, ProblemGroup group) =>
        (filter.Severities is not { Count: > 0 } severities || severities.Contains(group.Severity))
        && (filter.MinSeverity is not { } min || group.Severity >= min)
        && (filter.EventType is not { } type || group.EventType == type)
        && (filter.EventTypePrefix is not { } prefix || group.EventType.StartsWith(prefix, StringComparison.Ordinal))
        && (filter.Since is not { } since || group.LastSeen >= since)
        && (filter.Until is not { } until || group.FirstSeen <= until)
        && (filter.Text is not { } text || group.EventType.Contains(text, StringComparison.OrdinalIgnoreCase)
            || group.SampleMessage.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Once an hour the sparkline window moves: hours that left it are dropped and every summary is due again.</summary>
    private void ForgetOldHours(DateTimeOffset now)
    {
        var start = WindowStart(now);
        if (start == _summarizedAtHour)
        {
            return;
        }

        foreach (var group in _groups.Values)
        {
            group.ForgetHoursBefore(start);
        }

        _summaries.Clear();
        _summarizedAtHour = start;
    }

    private GroupParts Group(string fingerprint)
    {
        if (!_groups.TryGetValue(fingerprint, out var group))
        {
            _groups[fingerprint] = group = new GroupParts();
        }

        return group;
    }

    private HashSet<string> Streams(string stream)
    {
        if (!_byStream.TryGetValue(stream, out var fingerprints))
        {
            _byStream[stream] = fingerprints = new HashSet<string>(StringComparer.Ordinal);
        }

        return fingerprints;
    }
}
