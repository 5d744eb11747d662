using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.ProblemGroups;

/// <summary>
/// A tenant's open problems as groups of stream parts, and each group's summary, computed once per change
/// (and per hour, as the sparkline window moves), so a list costs no more than sorting the summaries.
/// </summary>
internal sealed class ProblemIndex
{
    public const int Hours = 24;

    private readonly Dictionary<string, Dictionary<string, StreamPart>> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byStream = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProblemGroup> _summaries = new(StringComparer.Ordinal);
    private long _summarizedAtHour;

    public IEnumerable<string> Fingerprints => _groups.Keys;

    public static long WindowStart(DateTimeOffset now) => StreamPart.HourOf(now) - (Hours - 1);

    public IReadOnlyList<string> StreamsOf(string fingerprint) =>
        _groups.TryGetValue(fingerprint, out var parts) ? [.. parts.Keys.Order(StringComparer.Ordinal)] : [];

    /// <summary>Whether the stream's part of the group already counts events up to <paramref name="version"/>.</summary>
    public bool Counted(string fingerprint, string stream, long version) =>
        _groups.TryGetValue(fingerprint, out var parts) && parts.TryGetValue(stream, out var part) && version <= part.MaxVersion;

    public StreamPart PartOf(string fingerprint, string stream)
    {
        if (!_groups.TryGetValue(fingerprint, out var parts))
        {
            _groups[fingerprint] = parts = new Dictionary<string, StreamPart>(StringComparer.Ordinal);
        }

        if (!parts.TryGetValue(stream, out var part))
        {
            parts[stream] = part = new StreamPart();
            Streams(stream).Add(fingerprint);
        }

        _summaries.Remove(fingerprint);
        return part;
    }

    /// <summary>Sets the stream's part of the group, as counted from the store.</summary>
    public void Put(string fingerprint, string stream, StreamPart part)
    {
        if (!_groups.TryGetValue(fingerprint, out var parts))
        {
            _groups[fingerprint] = parts = new Dictionary<string, StreamPart>(StringComparer.Ordinal);
        }

        parts[stream] = part;
        Streams(stream).Add(fingerprint);
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
            var parts = _groups[fingerprint];
            parts.Remove(stream);
            if (parts.Count == 0)
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

        if (!_groups.TryGetValue(fingerprint, out var parts) || !ProblemFingerprint.TryParse(fingerprint, out var kind, out var eventType))
        {
            return null;
        }

        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, s => parts.Values.Sum(p => p.BySeverity[(int)s]));
        var newest = parts.Values.MaxBy(p => p.SampleId)!;
        var start = WindowStart(now);
        var hourly = Enumerable.Range(0, Hours).Select(i => parts.Values.Sum(p => p.Hourly.GetValueOrDefault(start + i))).ToList();
        var summary = new ProblemGroup(
            fingerprint, kind, eventType, bySeverity.Where(c => c.Value > 0).Max(c => c.Key), bySeverity.Values.Sum(),
            parts.Values.Min(p => p.First), parts.Values.Max(p => p.Last), parts.Count, newest.SampleMessage, newest.SampleId, hourly, bySeverity,
            DateTimeOffset.UnixEpoch.AddHours(start));
        _summaries[fingerprint] = summary;
        return summary;
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

        foreach (var part in _groups.Values.SelectMany(p => p.Values))
        {
            foreach (var old in part.Hourly.Keys.Where(h => h < start).ToList())
            {
                part.Hourly.Remove(old);
            }
        }

        _summaries.Clear();
        _summarizedAtHour = start;
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
