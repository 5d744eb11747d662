using System.Diagnostics;

namespace OrleansEvents.Bench.Append;

/// <summary>
/// How long a writer runs: for a time (the append bench) or for a number of events (the load bench,
/// whose rows must store exactly what they say they sent). Shared by the writer's connections.
/// </summary>
public sealed class RunBudget
{
    private readonly TimeSpan? _duration;
    private readonly long _events;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _taken;

    private RunBudget(TimeSpan? duration, long events)
    {
        _duration = duration;
        _events = events;
    }

    /// <summary>Work may start until <paramref name="duration"/> has passed since now.</summary>
    public static RunBudget For(TimeSpan duration) => new(duration, long.MaxValue);

    /// <summary>Exactly <paramref name="events"/> events, however long they take.</summary>
    public static RunBudget Of(long events) => new(null, events);

    /// <summary>How many of <paramref name="wanted"/> events the caller may write next; 0 when the run is over.</summary>
    public int Take(int wanted)
    {
        if (_duration is { } duration)
        {
            return Stopwatch.GetElapsedTime(_started) < duration ? wanted : 0;
        }

        var before = Interlocked.Add(ref _taken, wanted) - wanted;
        return (int)Math.Clamp(_events - before, 0, wanted);
    }
}
