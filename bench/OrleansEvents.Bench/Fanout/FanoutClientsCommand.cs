using System.Globalization;
using System.Runtime;

namespace OrleansEvents.Bench.Fanout;

/// <summary>
/// The <c>fanout-clients</c> subcommand: the subscribers of the fan-out bench in a process of their
/// own, as dashboards are in production, so their receive loops compete with the server for the
/// cores but not for places in the server's thread-pool queue. <see cref="ChildProcessSubscribers"/>
/// drives it one line at a time on standard input and reads one answer line per command.
/// </summary>
/// <remarks>
/// Latencies stay comparable across the two processes: on Linux <see cref="System.Diagnostics.Stopwatch"/>
/// reads the machine's monotonic clock, the same in every process.
/// </remarks>
public static class FanoutClientsCommand
{
    public const string Name = "fanout-clients";
    public const string Connected = "connected";

    /// <summary>Connects the subscribers, says <see cref="Connected"/>, then answers commands until <c>close</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var hub = new Uri(args[Array.IndexOf(args, "--hub") + 1]);
        var count = int.Parse(args[Array.IndexOf(args, "--subscribers") + 1], CultureInfo.InvariantCulture);
        await using var subscribers = await InProcessSubscribers.ConnectAsync(hub, count);
        Console.WriteLine(Connected);

        // Console input only blocks; on a thread of its own it holds none of the pool's few threads.
        await Task.Factory.StartNew(() => AnswerUntilClosed(subscribers.Recorder), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return 0;
    }

    private static void AnswerUntilClosed(FanoutRecorder recorder)
    {
        while (Console.ReadLine() is { } command && command != "close")
        {
            Console.WriteLine(Answer(recorder, command));
        }
    }

    private static string Answer(FanoutRecorder recorder, string command)
    {
        switch (command)
        {
            case "count":
                return recorder.Count.ToString(CultureInfo.InvariantCulture);
            case "reset":
                recorder.Reset();
                return "ok";
            case "jit":
                return JitInfo.GetCompilationTime().TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture);
            case "percentiles":
                return string.Create(CultureInfo.InvariantCulture, $"{recorder.PercentileMs(50):R} {recorder.PercentileMs(99):R}");
            default:
                return "unknown command " + command;
        }
    }
}
