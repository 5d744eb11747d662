namespace OrleansEvents.Bench.Load;

/// <summary>The run's two tables: every row, then each goal of issue 16 with its target and the ratio measured in this run.</summary>
public static class LoadReport
{
    private const double MaxAllocatedBytesPerEvent = 4 * 1024;

    public static void Print(IReadOnlyList<LoadResult> results, string loadAverage)
    {
        Console.WriteLine($"load average at the end: {loadAverage}");
        Console.WriteLine();
        Console.WriteLine("| method | streams | concurrency | batch | events/s | p50 ms | p99 ms | retries | cores client / server / PostgreSQL | CPU ms/event | alloc B/event | ok |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |");
        foreach (var r in results)
        {
            var rate = r.Row.RequestsPerSecond is { } perSecond ? $" (open loop, {perSecond:N0}/s)" : "";
            Console.WriteLine($"| {r.Row.Method}{rate} | {r.Row.Streams:N0} | {r.Row.Concurrency} | {r.Row.Batch:N0} | {r.EventsPerSecond:N0} | {r.P50Milliseconds:0.00} | " +
                              $"{r.P99Milliseconds:0.00} | {r.Run.Retries} | {r.Cpu.Client:0.00} / {r.Cpu.Server:0.00} / {r.Cpu.Other:0.00} | " +
                              $"{r.CpuMillisecondsPerEvent:0.00} | {r.AllocatedBytesPerEvent:N0} | " +
                              $"{(r.Ok ? "yes" : $"no: {r.Stored:N0} of {r.Events:N0} stored")} |");
        }

        LoadResult? Row(string method, int streams, int concurrency, int batch) => results.FirstOrDefault(r => r.Row.Is(method, streams, concurrency, batch));
        var http = Row(LoadRow.Http, 10_000, 32, 1);
        var inProcess = Row(LoadRow.InProcess, 10_000, 32, 1);
        var copy = Row(LoadRow.Copy, 10_000, 1, 5_000);
        var insert = Row(LoadRow.Insert, 10_000, 1, 1);
        var halfRate = Row(LoadRow.InProcessHalfRate, 10_000, 32, 1);
        var insertsAtHalfRate = Row(LoadRow.InsertHalfRate, 10_000, 32, 1);

        Console.WriteLine();
        Console.WriteLine("| goal | target | measured | met |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Goal("1. HTTP, 10 000 streams, 32 connections, cold ÷ in-process, warm", "≥ 0.6", Ratio(http, inProcess, r => r.EventsPerSecond), v => v >= 0.6);
        Goal("1. its p99 ÷ its p50", "≤ 4", Ratio(http, http, r => r.P99Milliseconds, r => r.P50Milliseconds), v => v <= 4);
        Goal("1. its events/s", "≥ 6 800", http?.EventsPerSecond, v => v >= 6_800, "N0");
        var handWritten = Row(LoadRow.HandWrittenHttp, 10_000, 32, 1);
        Goal("1. for comparison, a hand-written HTTP writer (group commit, same schema), 10 000 streams, 32 connections: events/s", "≥ 6 800",
            handWritten?.EventsPerSecond, v => v >= 6_800, "N0");
        Goal("1. its p99 ÷ its p50", "≤ 4", Ratio(handWritten, handWritten, r => r.P99Milliseconds, r => r.P50Milliseconds), v => v <= 4);
        Goal("1. SQLite: HTTP 32 connections ÷ 1 connection", "≥ 4",
            Ratio(Row(LoadRow.HttpSqlite, 10_000, 32, 1), Row(LoadRow.HttpSqlite, 10_000, 1, 1), r => r.EventsPerSecond), v => v >= 4);
        Goal("2. HTTP batches of 100, 8 connections ÷ in-process, 8 callers", "≥ 0.8",
            Ratio(Row(LoadRow.Http, 10_000, 8, 100), Row(LoadRow.InProcess, 10_000, 8, 100), r => r.EventsPerSecond), v => v >= 0.8);
        Goal("3. in-process, 10 000 streams, 32 callers ÷ binary COPY", "≥ 0.5", Ratio(inProcess, copy, r => r.EventsPerSecond), v => v >= 0.5);
        Goal("3. in-process, 1 hot stream, 32 callers ÷ binary COPY", "≥ 0.5", Ratio(Row(LoadRow.InProcess, 1, 32, 1), copy, r => r.EventsPerSecond), v => v >= 0.5);
        Goal($"4. p99 at half the in-process 10 000-stream rate ÷ single INSERT p50 ({insert?.P50Milliseconds:0.00} ms)", "≤ 10",
            Ratio(halfRate, insert, r => r.P99Milliseconds, r => r.P50Milliseconds), v => v <= 10);
        Goal("4. for comparison, hand-written INSERTs (a commit each) from 32 connections at that rate: p99 ÷ the same p50", "≤ 10",
            Ratio(insertsAtHalfRate, insert, r => r.P99Milliseconds, r => r.P50Milliseconds), v => v <= 10);
        Goal("5. allocated per event on the HTTP path (silo process, 10 000 streams, batch 1)", "≤ 4 096 B", http?.AllocatedBytesPerEvent, v => v <= MaxAllocatedBytesPerEvent, "N0");
        var worst = results.Where(r => r.Row.Method is LoadRow.Http or LoadRow.HttpSqlite).MaxBy(r => r.AllocatedBytesPerEvent);
        Goal($"5. the same, most of any HTTP row ({worst?.Row})", "≤ 4 096 B", worst?.AllocatedBytesPerEvent, v => v <= MaxAllocatedBytesPerEvent, "N0");
        Goal("every row stored exactly what it sent", "all", results.Count(r => r.Ok), _ => results.All(r => r.Ok), "0", $" of {results.Count}");
        if (Row(LoadRow.HttpFloor, 0, 32, 1) is { } floor)
        {
            Console.WriteLine();
            Console.WriteLine($"The floor under every POST, {LoadRow.HttpFloor} over 32 connections: {floor.EventsPerSecond:N0} requests/s, " +
                              $"{floor.Cpu.Server * floor.Seconds * 1000 / floor.Events:0.000} ms of silo CPU and {floor.AllocatedBytesPerEvent:N0} B allocated per request.");
        }
    }

    private static double? Ratio(LoadResult? a, LoadResult? b, Func<LoadResult, double> of) => Ratio(a, b, of, of);

    private static double? Ratio(LoadResult? a, LoadResult? b, Func<LoadResult, double> ofA, Func<LoadResult, double> ofB) =>
        a is null || b is null ? null : ofA(a) / ofB(b);

    private static void Goal(string goal, string target, double? measured, Func<double, bool> met, string format = "0.00", string suffix = "")
    {
        var value = measured is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + suffix : "— (row not run)";
        var verdict = measured is { } m ? (met(m) ? "yes" : "no") : "—";
        Console.WriteLine($"| {goal} | {target} | {value} | {verdict} |");
    }
}
