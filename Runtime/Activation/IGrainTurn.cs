namespace OrleansEvents.Runtime.Activation;

/// <summary>A unit of work that runs on an activation as one turn: a grain call or a timer tick.</summary>
internal interface IGrainTurn
{
    /// <summary>True when the turn may run concurrently with other turns (see <c>InterleaveAttribute</c>).</summary>
    bool IsInterleaved { get; }

    /// <summary>
    /// True for calls: they count as activity that postpones idle collection (<see cref="Activation.MarkActive"/>)
    /// and move to a fresh activation when they arrive during deactivation. Timer ticks do neither.
    /// </summary>
    bool KeepsAlive { get; }

    /// <summary>
    /// Starts the turn on <paramref name="activation"/>'s grain. Returns null when it completed synchronously,
    /// otherwise a task that completes (never faults) when the turn is over. Never throws.
    /// </summary>
    Task? Run(Activation activation);

    /// <summary>Ends the turn without running it because the activation could not be created.</summary>
    void Abandon(Exception error);
}
