using System.Runtime.InteropServices;

namespace OrleansEvents.Bench.Cluster;

/// <summary>
/// What must not outlive the bench (silo processes, the PostgreSQL server). Owners undo their own
/// on every ordinary way out; Ctrl+C, SIGTERM and SIGHUP end the process without running finally
/// blocks, so on those the undo actions still registered run here first.
/// </summary>
public static class ExitGuard
{
    private static readonly List<Action> Pending = [];

    // Held for the process's lifetime: a collected registration stops handling its signal.
    private static readonly PosixSignalRegistration[] Signals =
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(signal => PosixSignalRegistration.Create(signal, _ => RunAll()))];

    /// <summary>Runs <paramref name="undo"/> if the process is stopped by a signal before <see cref="Remove"/>.</summary>
    public static void Add(Action undo)
    {
        _ = Signals;
        lock (Pending)
        {
            Pending.Add(undo);
        }
    }

    /// <summary>The owner undid it itself.</summary>
    public static void Remove(Action undo)
    {
        lock (Pending)
        {
            Pending.Remove(undo);
        }
    }

    private static void RunAll()
    {
        Action[] all;
        lock (Pending)
        {
            all = [.. Pending];
            Pending.Clear();
        }

        // Newest first: the silos go before the database they use.
        foreach (var undo in all.Reverse())
        {
            try
            {
                undo();
            }
            catch (Exception exception)
            {
                Console.Error.WriteLine($"cleanup failed: {exception.Message}");
            }
        }
    }
}
