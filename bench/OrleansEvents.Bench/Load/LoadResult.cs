using System.Text.Json;

namespace OrleansEvents.Bench.Load;

/// <summary>One finished row: what it sent, how fast, where the cores went, and whether the store holds exactly what was sent.</summary>
public sealed record LoadResult(LoadRow Row, LoadRun Run, CpuCores Cpu, double AllocatedBytesPerEvent, long Stored)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public long Events => Run.Timing.Events;

    public double Seconds => Run.Timing.Elapsed.TotalSeconds;

    public double EventsPerSecond => Run.Timing.EventsPerSecond;

    public double P50Milliseconds => Run.Timing.P50Milliseconds;

    public double P99Milliseconds => Run.Timing.P99Milliseconds;

    public bool Ok => Stored == Events;

    /// <summary>CPU of client, server and PostgreSQL together per event: steadier than events/s when other work shares the cores.</summary>
    public double CpuMillisecondsPerEvent => (Cpu.Client + Cpu.Server + Cpu.Other) * Seconds * 1000 / Events;

    /// <summary>The row as one JSON line, in the shape other tools read (issue 16), plus the allocation per event.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Line(
        Row.Method, Row.Streams, Row.Concurrency, Row.Batch, Events, Math.Round(Seconds, 2), Math.Round(EventsPerSecond),
        Math.Round(P50Milliseconds, 2), Math.Round(P99Milliseconds, 2), Run.Retries,
        new CpuCores(Math.Round(Cpu.Client, 2), Math.Round(Cpu.Server, 2), Math.Round(Cpu.Other, 2)), Ok, Math.Round(AllocatedBytesPerEvent)), Json);

    private sealed record Line(
        string Method, int Streams, int Concurrency, int Batch, long Events, double Seconds, double EventsPerS, double P50Ms, double P99Ms,
        long Retries, CpuCores Cpu, bool Ok, double AllocBytesPerEvent);
}
