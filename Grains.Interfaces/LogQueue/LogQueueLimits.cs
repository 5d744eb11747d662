namespace OrleansEvents.LogQueue;

public static class LogQueueLimits
{
    /// <summary>Batches a queue holds for its reader before producers are refused (each batch is a page of up to a few hundred events).</summary>
    public const int MaxBatches = 16_384;

    /// <summary>
    /// How long the pulling agent's read waits for a batch before it answers empty. It bounds what a
    /// silo's shutdown waits for the last read, and makes an idle queue cost four calls a second.
    /// </summary>
    public static readonly TimeSpan ReadWait = TimeSpan.FromMilliseconds(250);
}
