using OrleansEvents.Events;

namespace OrleansEvents.ProblemGroups;

/// <summary>
/// One problem group: its streams' parts and their running totals. Every commit of a problem changes a
/// group, and a summary is asked for at each change, so it must not cost a pass over the group's parts:
/// counts and hours are added and subtracted as parts change; first, last and the newest sample only
/// grow on adds, and a removed part that held one of them has them counted again at the next summary.
/// </summary>
internal sealed class GroupParts
{
    private readonly Dictionary<string, StreamPart> _parts = new(StringComparer.Ordinal);
    private readonly long[] _bySeverity = new long[4];
    private readonly Dictionary<long, long> _hourly = [];
    private DateTimeOffset _first = DateTimeOffset.MaxValue;
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private StreamPart? _newest;
    private bool _extremesStale;

    public int Count => _parts.Count;

    public IEnumerable<string> Streams => _parts.Keys;

    public bool Counted(string stream, long version) => _parts.TryGetValue(stream, out var part) && version <= part.MaxVersion;

    /// <summary>Counts one occurrence in the stream's part; whether the part is new to the group.</summary>
    public bool Add(string stream, ProblemOccurrence occurrence, long windowStartHour)
    {
        var isNew = !_parts.TryGetValue(stream, out var part);
        if (isNew)
        {
            _parts[stream] = part = new StreamPart();
        }

        part!.Add(occurrence, windowStartHour);
        _bySeverity[(int)occurrence.Severity]++;
        if (StreamPart.HourOf(occurrence.Timestamp) is var hour && hour >= windowStartHour)
        {
            _hourly[hour] = _hourly.GetValueOrDefault(hour) + 1;
        }

        Extend(part);
        return isNew;
    }

    /// <summary>Sets the stream's part, as counted from the store; whether it is new to the group.</summary>
    public bool Put(string stream, StreamPart part)
    {
        var isNew = !Remove(stream);
        _parts[stream] = part;
        for (var severity = 0; severity < _bySeverity.Length; severity++)
        {
            _bySeverity[severity] += part.BySeverity[severity];
        }

        foreach (var (hour, count) in part.Hourly)
        {
            _hourly[hour] = _hourly.GetValueOrDefault(hour) + count;
        }

        Extend(part);
        return isNew;
    }

    /// <summary>Takes the stream's part out of the group; whether it had one.</summary>
    public bool Remove(string stream)
    {
        if (!_parts.Remove(stream, out var part))
        {
            return false;
        }

        for (var severity = 0; severity < _bySeverity.Length; severity++)
        {
            _bySeverity[severity] -= part.BySeverity[severity];
        }

        foreach (var (hour, count) in part.Hourly)
        {
            if ((_hourly[hour] -= count) == 0)
            {
                _hourly.Remove(hour);
            }
        }

        _extremesStale |= part.First <= _first || part.Last >= _last || ReferenceEquals(part, _newest);
        return true;
    }

    /// <summary>Drops the hours that left the sparkline window.</summary>
    public void ForgetHoursBefore(long windowStartHour)
    {
        foreach (var part in _parts.Values)
        {
            part.ForgetHoursBefore(windowStartHour);
        }

        foreach (var old in _hourly.Keys.Where(h => h < windowStartHour).ToList())
        {
            _hourly.Remove(old);
        }
    }

    public ProblemGroup Summary(string fingerprint, StreamKind kind, string eventType, long windowStartHour, int hours)
    {
        if (_extremesStale)
        {
            CountExtremesAgain();
        }

        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, s => _bySeverity[(int)s]);
        var hourly = Enumerable.Range(0, hours).Select(i => _hourly.GetValueOrDefault(windowStartHour + i)).ToList();
        return new ProblemGroup(
            fingerprint, kind, eventType, bySeverity.Where(c => c.Value > 0).Max(c => c.Key), _bySeverity.Sum(),
            _first, _last, _parts.Count, _newest!.SampleMessage, _newest.SampleId, hourly, bySeverity,
            DateTimeOffset.UnixEpoch.AddHours(windowStartHour));
    }

    private void Extend(StreamPart part)
    {
        _first = part.First < _first ? part.First : _first;
        _last = part.Last > _last ? part.Last : _last;
        if (_newest is null || part.SampleId > _newest.SampleId)
        {
            _newest = part;
        }
    }

    private void CountExtremesAgain()
    {
        _first = DateTimeOffset.MaxValue;
        _last = DateTimeOffset.MinValue;
        _newest = null;
        foreach (var part in _parts.Values)
        {
            Extend(part);
        }

        _extremesStale = false;
    }
}
