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
        await Task.Factory.StartNew(() => AnswerUntilClosed(subscribers), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return 0;
    }

    private static void AnswerUntilClosed(ISubscribers subscribers)
    {
        while (Console.ReadLine() is { } command && command != "close")
        {
            Console.WriteLine(Answer(subscribers, command));
        }
    }

    // The in-process subscribers answer synchronously; the interface is asynchronous for the child-process side.
    private static string Answer(ISubscribers subscribers, string command)
    {
        switch (command)
        {
            case "count":
                return subscribers.CountAsync().Result.ToString(CultureInfo.InvariantCulture);
            case "reset":
                subscribers.ResetAsync().Wait();
                return "ok";
            case "jit":
                return JitInfo.GetCompilationTime().TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture);
            case "percentiles":
                var (p50, p99) = subscribers.PercentilesAsync().Result;
                return string.Create(CultureInfo.InvariantCulture, $"{p50:R} {p99:R}");
            default:
                return "unknown command " + command;
        }
    }
}
