using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// What the GC did in a .NET process, read over an EventPipe session on its pid (a silo's, or the bench's own):
/// the bytes allocated, from the runtime's AllocationTick events (each carrying the bytes allocated since the
/// one before, about 100 KB on each heap), and the pauses, from each suspension of the runtime to its restart.
/// </summary>
/// <remarks>
/// Also used for the bench's own process rather than <see cref="GC.GetTotalAllocatedBytes(bool)"/>: under server
/// GC's dynamic heap count (DATAS) that sums only the heaps active at the moment, so it can go down over a row.
/// </remarks>
public sealed class ProcessGc
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly Dictionary<string, long> _byType = [];
    private readonly List<(int Generation, double Milliseconds)> _pauses = [];
    private long _bytes;
    private double _suspendedAt = double.NaN;
    private int _generation;

    private ProcessGc(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        // One thread delivers the events, so the sums need no lock until the reading is over.
        source.Clr.GCAllocationTick += tick =>
        {
            _bytes += tick.AllocationAmount64;
            _byType[tick.TypeName] = _byType.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
        };
        source.Clr.GCSuspendEEStart += suspend => _suspendedAt = suspend.TimeStampRelativeMSec;
        source.Clr.GCStart += start => _generation = start.Depth;
        source.Clr.GCRestartEEStop += restart =>
        {
            // A background gen 2 collection suspends more than once; each pause counts under the collection last started.
            if (!double.IsNaN(_suspendedAt))
            {
                _pauses.Add((_generation, restart.TimeStampRelativeMSec - _suspendedAt));
                _suspendedAt = double.NaN;
            }
        };
        _reading = Task.Run(source.Process);
    }

    public static ProcessGc Start(int processId)
    {
        // AllocationTick is a verbose event of the GC keyword; nothing else is asked for, so the session costs little.
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
        return new ProcessGc(new DiagnosticsClient(processId).StartEventPipeSession(provider, requestRundown: false));
    }

    /// <summary>Ends the session once every event sent so far is read: the bytes allocated while it ran.</summary>
    public async Task<long> StopAsync()
    {
        await _session.StopAsync(CancellationToken.None);
        await _reading;
        _session.Dispose();
        return _bytes;
    }

    /// <summary>
    /// After <see cref="StopAsync"/>: the types whose allocation crossed a tick's threshold, with their share of
    /// the bytes. A sample (the object that happened to cross ~100 KB), so only large shares mean much.
    /// </summary>
    public string TopTypes(int count) => string.Join(", ", _byType
        .OrderByDescending(t => t.Value)
        .Take(count)
        .Select(t => $"{t.Key} {t.Value / (double)Math.Max(1, _bytes):P0}"));

    /// <summary>After <see cref="StopAsync"/>: how often and how long the runtime was stopped for the GC while the session ran.</summary>
    public string Pauses()
    {
        if (_pauses.Count == 0)
        {
            return "no GC pauses";
        }

        var byGeneration = string.Join(", ", _pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key).Select(g => $"gen{g.Key} {g.Count()}"));
        return $"{_pauses.Count} GC pauses ({byGeneration}), {_pauses.Sum(p => p.Milliseconds):F0} ms in all, " +
            $"longest {_pauses.Max(p => p.Milliseconds):F1} ms, {_pauses.Count(p => p.Milliseconds > 10)} over 10 ms";
    }
}
