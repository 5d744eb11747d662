using System.Globalization;

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
        while (await Console.In.ReadLineAsync() is { } command && command != "close")
        {
            Console.WriteLine(await AnswerAsync(subscribers, command));
        }

        return 0;
    }

    private static async Task<string> AnswerAsync(ISubscribers subscribers, string command)
    {
        switch (command)
        {
            case "count":
                return (await subscribers.CountAsync()).ToString(CultureInfo.InvariantCulture);
            case "reset":
                await subscribers.ResetAsync();
                return "ok";
            case "percentiles":
                var (p50, p99) = await subscribers.PercentilesAsync();
                return string.Create(CultureInfo.InvariantCulture, $"{p50:R} {p99:R}");
            default:
                return "unknown command " + command;
        }
    }
}
