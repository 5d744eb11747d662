using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// What a .NET process allocates, read over an EventPipe session on its pid (a silo's, or the bench's own):
/// the runtime's GC AllocationTick events, each carrying the bytes allocated since the one before (about
/// 100 KB on each heap), summed from the session's start to its stop.
/// </summary>
/// <remarks>
/// Also used for the bench's own process rather than <see cref="GC.GetTotalAllocatedBytes(bool)"/>: under server
/// GC's dynamic heap count (DATAS) that sums only the heaps active at the moment, so it can go down over a row.
/// </remarks>
public sealed class ProcessAllocations
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly Dictionary<string, long> _byType = [];
    private long _bytes;

    private ProcessAllocations(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        // One thread delivers the events, so the sums need no lock until the reading is over.
        source.Clr.GCAllocationTick += tick =>
        {
            _bytes += tick.AllocationAmount64;
            _byType[tick.TypeName] = _byType.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
        };
        _reading = Task.Run(source.Process);
    }

    public static ProcessAllocations Start(int processId)
    {
        // AllocationTick is a verbose event of the GC keyword; nothing else is asked for, so the session costs little.
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
        return new ProcessAllocations(new DiagnosticsClient(processId).StartEventPipeSession(provider, requestRundown: false));
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
}
